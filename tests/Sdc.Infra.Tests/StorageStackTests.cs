using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace Sdc.Infra.Tests;

[Collection(SynthesizedSdcGroup.Name)]
public sealed class StorageStackTests(SynthesizedSdc sdc)
{
    [Theory]
    [MemberData(nameof(SynthesizedSdc.StageNames), MemberType = typeof(SynthesizedSdc))]
    public void EveryBucket_EncryptedPrivateAndTlsOnly(string stage)
    {
        var all = sdc.AllTemplates(stage).Select(t => t.Template).ToList();
        var buckets = all.SelectMany(t => TemplateJson.Resources(t, "AWS::S3::Bucket").Select(b => (t, b.Id, b.Properties))).ToList();

        Assert.Equal(5, buckets.Count); // inbox, archive, products, public, and the portal's site
        foreach (var (template, id, properties) in buckets)
        {
            var encryption = properties["BucketEncryption"]!["ServerSideEncryptionConfiguration"]![0]!["ServerSideEncryptionByDefault"]!["SSEAlgorithm"]!;
            Assert.Equal("AES256", encryption.GetValue<string>());
            var block = properties["PublicAccessBlockConfiguration"]!.AsObject();
            Assert.All(new[] { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" },
                setting => Assert.True(block[setting]!.GetValue<bool>(), $"{id}: {setting}"));
            Assert.Equal("BucketOwnerEnforced", properties["OwnershipControls"]!["Rules"]![0]!["ObjectOwnership"]!.GetValue<string>());

            var policy = TemplateJson.Resources(template, "AWS::S3::BucketPolicy").Single(p => TemplateJson.LogicalIdOf(p.Properties["Bucket"], new Dictionary<string, JsonNode>()) == id);
            var statements = policy.Properties["PolicyDocument"]!["Statement"]!.AsArray();
            Assert.Contains(statements, s => s!["Effect"]!.GetValue<string>() == "Deny"
                && s["Condition"]?["Bool"]?["aws:SecureTransport"]?.GetValue<string>() == "false");
            Assert.Contains(statements, s => s!["Effect"]!.GetValue<string>() == "Deny"
                && s["Condition"]?["NumericLessThan"]?["s3:TlsVersion"] is not null);
        }
    }

    [Theory]
    [MemberData(nameof(SynthesizedSdc.StageNames), MemberType = typeof(SynthesizedSdc))]
    public void DataBuckets_VersionedWhereDataMustSurviveMistakes_AndSendEventsToEventBridge(string stage)
    {
        var template = sdc.Template(stage, s => s.Storage);

        template.ResourcePropertiesCountIs("AWS::S3::Bucket", Match.ObjectLike(new Dictionary<string, object>
        {
            ["VersioningConfiguration"] = new Dictionary<string, object> { ["Status"] = "Enabled" },
        }), 3); // archive, products, public
        // Every bucket's Object Created events go to EventBridge (the rules of the processing stack route them).
        var json = sdc.Json(stage, s => s.Storage);
        var notified = TemplateJson.Resources(json, "Custom::S3BucketNotifications")
            .Where(n => n.Properties["NotificationConfiguration"]?["EventBridgeConfiguration"] is not null)
            .Select(n => TemplateJson.LogicalIdOf(n.Properties["BucketName"], new Dictionary<string, JsonNode>())!)
            .ToHashSet();
        Assert.Equal(TemplateJson.Resources(json, "AWS::S3::Bucket").Select(b => b.Id).ToHashSet(), notified);
        // The inbox is a way through, not a store: no versions, and leftovers expire.
        var inbox = TemplateJson.Resources(sdc.Json(stage, s => s.Storage), "AWS::S3::Bucket").Single(b => b.Id.StartsWith("Inbox", StringComparison.Ordinal)).Properties;
        Assert.Null(inbox["VersioningConfiguration"]);
        Assert.Contains(inbox["LifecycleConfiguration"]!["Rules"]!.AsArray(), r => r!["ExpirationInDays"]?.GetValue<int>() == 7);
    }

    [Fact]
    public void Production_RetainsDataOnStackDeletion_StagingDoesNot()
    {
        var production = sdc.Json("production", s => s.Storage);
        var staging = sdc.Json("staging", s => s.Storage);

        Assert.All(TemplateJson.Resources(production, "AWS::S3::Bucket"),
            b => Assert.Equal("Retain", TemplateJson.Resource(production, b.Id)["DeletionPolicy"]!.GetValue<string>()));
        Assert.All(TemplateJson.Resources(staging, "AWS::S3::Bucket"),
            b => Assert.Equal("Delete", TemplateJson.Resource(staging, b.Id)["DeletionPolicy"]!.GetValue<string>()));
    }
}
