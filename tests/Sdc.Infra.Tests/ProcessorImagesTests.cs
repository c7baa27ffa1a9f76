using Sdc.Infra.Building;
using Sdc.Pipeline;

namespace Sdc.Infra.Tests;

/// <summary>Which image each stage's job definitions run, from processors/versions.json.</summary>
public sealed class ProcessorImagesTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static readonly ProcessorVersions Versions = ProcessorVersions.Parse($$"""
        {
          "exi": {
            "production": { "name": "exi", "version": "1.0.0", "image": "sdc/exi-processor:1.0.0" },
            "staging": { "name": "exi", "version": "1.1.0", "image": "sdc/exi-processor:1.1.0", "digest": "{{Digest}}" }
          },
          "emr": { "production": { "name": "emr", "version": "1.0.0", "image": "sdc/emr-processor:1.0.0" } }
        }
        """, "versions.json");

    [Fact]
    public void For_StagedCandidateWithDigest_StagingRunsItPinnedByDigest_ProductionKeepsItsVersion()
    {
        var (staging, stagingImage) = ProcessorImages.For(Versions, "exi", "staging");
        var (production, productionImage) = ProcessorImages.For(Versions, "exi", "production");

        Assert.Equal(("1.1.0", Digest), (staging.Version, stagingImage));
        Assert.Equal(("1.0.0", "1.0.0"), (production.Version, productionImage));
    }

    [Fact]
    public void For_NothingStaged_StagingRunsProduction()
    {
        var (release, image) = ProcessorImages.For(Versions, "emr", "staging");

        Assert.Equal(("1.0.0", "1.0.0"), (release.Version, image));
    }
}
