using Sdc.Ingest.Layout;

namespace Sdc.Functions.Tests;

public sealed class S3FileLocatorTests
{
    private static readonly S3FileLocator Locator = new(new BucketMap(new Dictionary<string, string>
    {
        [Buckets.Archive] = "emm-sdc-staging-archive",
        [Buckets.Products] = "emm-sdc-staging-products",
    }));

    [Fact]
    public void Locate_LogicalBucket_GivesTheS3UriOfThePhysicalOne()
    {
        Assert.Equal("s3://emm-sdc-staging-archive/l0/exi/2021/02/24/emm_exi_l0_20210224T010000_0001_v01-00.dat",
            Locator.Locate(Buckets.Archive, "l0/exi/2021/02/24/emm_exi_l0_20210224T010000_0001_v01-00.dat"));
    }

    [Fact]
    public void Locate_BucketTheDeploymentDoesNotMap_FailsNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Locator.Locate(Buckets.Public, "x"));

        Assert.Contains("'public'", error.Message, StringComparison.Ordinal);
    }
}
