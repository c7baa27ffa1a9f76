using System.Text.Json.Nodes;

namespace Sdc.Infra.Tests;

[Collection(SynthesizedSdcGroup.Name)]
public sealed class WebStackTests(SynthesizedSdc sdc)
{
    [Theory]
    [MemberData(nameof(SynthesizedSdc.StageNames), MemberType = typeof(SynthesizedSdc))]
    public void Portal_ServedByCloudFrontThroughOriginAccessControl_BucketReadableOnlyByTheDistribution(string stage)
    {
        var json = sdc.Json(stage, s => s.Web);

        var distribution = TemplateJson.Resources(json, "AWS::CloudFront::Distribution").Single();
        var config = distribution.Properties["DistributionConfig"]!;
        var origin = config["Origins"]![0]!;
        Assert.NotNull(origin["OriginAccessControlId"]);
        Assert.Equal("", origin["S3OriginConfig"]!["OriginAccessIdentity"]!.GetValue<string>());
        Assert.Equal("redirect-to-https", config["DefaultCacheBehavior"]!["ViewerProtocolPolicy"]!.GetValue<string>());
        Assert.Equal("sigv4", TemplateJson.Resources(json, "AWS::CloudFront::OriginAccessControl").Single().Properties["OriginAccessControlConfig"]!["SigningProtocol"]!.GetValue<string>());

        var policy = TemplateJson.Resources(json, "AWS::S3::BucketPolicy").Single().Properties["PolicyDocument"]!["Statement"]!.AsArray();
        var reads = policy.Where(s => s!["Effect"]!.GetValue<string>() == "Allow" && TemplateJson.Strings(s["Action"]).Contains("s3:GetObject")).ToList();
        var read = Assert.Single(reads)!;
        Assert.Equal("cloudfront.amazonaws.com", read["Principal"]!["Service"]!.GetValue<string>());
        Assert.Contains(distribution.Id, read["Condition"]!["StringEquals"]!["AWS:SourceArn"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SynthesizedSdc.StageNames), MemberType = typeof(SynthesizedSdc))]
    public void Portal_DeployedWithAConfigPointingAtThisStagesApiAndUserPool(string stage)
    {
        var json = sdc.Json(stage, s => s.Web);

        var deployment = TemplateJson.Resources(json, "Custom::CDKBucketDeployment").Single().Properties;
        Assert.Equal(2, deployment["SourceObjectKeys"]!.AsArray().Count); // web/dist and config.json
        var parameters = TemplateJson.Resources(json, "AWS::SSM::Parameter").ToDictionary(p => p.Properties["Name"]!.GetValue<string>(), p => p.Properties["Value"]!);
        Assert.Equal($"sdc-{stage}-api-url", parameters[$"/sdc/{stage}/portal/api-url"]["Fn::ImportValue"]!.GetValue<string>());
        Assert.Equal($"sdc-{stage}-client-id", parameters[$"/sdc/{stage}/portal/client-id"]["Fn::ImportValue"]!.GetValue<string>());
        var exported = sdc.Json(stage, s => s.Access)["Outputs"]!.AsObject().Select(o => o.Value!["Export"]?["Name"]?.GetValue<string>());
        Assert.Contains($"sdc-{stage}-api-url", exported);
        var markers = deployment["SourceMarkers"]![1]!.ToJsonString();
        Assert.All(parameters.Keys, _ => Assert.Contains("\"Fn::GetAtt\"", markers, StringComparison.Ordinal));
    }
}
