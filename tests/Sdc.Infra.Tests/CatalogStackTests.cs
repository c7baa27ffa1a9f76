using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace Sdc.Infra.Tests;

[Collection(SynthesizedSdcGroup.Name)]
public sealed class CatalogStackTests(SynthesizedSdc sdc)
{
    [Theory]
    [MemberData(nameof(SynthesizedSdc.StageNames), MemberType = typeof(SynthesizedSdc))]
    public void Database_PrivateEncryptedPostgresInIsolatedSubnets(string stage)
    {
        var template = sdc.Template(stage, s => s.Catalog);

        template.HasResourceProperties("AWS::RDS::DBInstance", new Dictionary<string, object>
        {
            ["Engine"] = "postgres",
            ["PubliclyAccessible"] = false,
            ["StorageEncrypted"] = true,
        });
        var json = sdc.Json(stage, s => s.Catalog);
        var subnetGroup = TemplateJson.Resources(json, "AWS::RDS::DBSubnetGroup").Single().Properties;
        var isolated = TemplateJson.Resources(json, "AWS::EC2::Subnet")
            .Where(s => s.Properties["Tags"]!.AsArray().Any(t => t!["Key"]!.GetValue<string>() == "aws-cdk:subnet-type" && t["Value"]!.GetValue<string>() == "Isolated"))
            .Select(s => s.Id).ToHashSet();
        Assert.NotEmpty(isolated);
        Assert.All(subnetGroup["SubnetIds"]!.AsArray(), id => Assert.Contains(id!["Ref"]!.GetValue<string>(), isolated));
        // Only the functions' security group may connect, on PostgreSQL's port.
        var ingress = Assert.Single(TemplateJson.Resources(json, "AWS::EC2::SecurityGroupIngress")).Properties;
        Assert.StartsWith("CatalogClients", ingress["SourceSecurityGroupId"]!["Fn::GetAtt"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Endpoint.Port", ingress["FromPort"]!["Fn::GetAtt"]![1]!.GetValue<string>());
        // TLS is forced on the server side too.
        template.HasResourceProperties("AWS::RDS::DBParameterGroup", new Dictionary<string, object>
        {
            ["Parameters"] = new Dictionary<string, object> { ["rds.force_ssl"] = "1" },
        });
    }

    [Fact]
    public void Production_DeletionProtectedMultiAzWithLongerBackups_StagingIsCheaper()
    {
        var production = TemplateJson.Resources(sdc.Json("production", s => s.Catalog), "AWS::RDS::DBInstance").Single().Properties;
        var staging = TemplateJson.Resources(sdc.Json("staging", s => s.Catalog), "AWS::RDS::DBInstance").Single().Properties;

        Assert.True(production["DeletionProtection"]!.GetValue<bool>());
        Assert.True(production["MultiAZ"]!.GetValue<bool>());
        Assert.Equal(14, production["BackupRetentionPeriod"]!.GetValue<int>());
        Assert.False(staging["DeletionProtection"]!.GetValue<bool>());
        Assert.False(staging["MultiAZ"]!.GetValue<bool>());
        Assert.Equal("db.t4g.small", staging["DBInstanceClass"]!.GetValue<string>());
        Assert.Equal("Snapshot", TemplateJson.Resource(sdc.Json("production", s => s.Catalog),
            TemplateJson.Resources(sdc.Json("production", s => s.Catalog), "AWS::RDS::DBInstance").Single().Id)["DeletionPolicy"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(SynthesizedSdc.StageNames), MemberType = typeof(SynthesizedSdc))]
    public void Migrations_AppliedByTheCatalogsOwnCode_AgainWheneverTheScriptsChange(string stage)
    {
        var json = sdc.Json(stage, s => s.Catalog);

        var migration = TemplateJson.Resources(json, "Custom::SdcCatalogMigration").Single().Properties;
        Assert.Equal(sdc.Inputs.MigrationsChecksum, migration["MigrationsChecksum"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{64}$", sdc.Inputs.MigrationsChecksum);
        var handlers = TemplateJson.Resources(json, "AWS::Lambda::Function").Select(f => f.Properties["Handler"]?.GetValue<string>()).ToList();
        Assert.Contains(Building.FunctionHandlers.Migrate, handlers);
    }

    [Theory]
    [MemberData(nameof(SynthesizedSdc.StageNames), MemberType = typeof(SynthesizedSdc))]
    public void EveryFunction_ReachesTheCatalogThroughTheSecret_NoPasswordInItsEnvironment(string stage)
    {
        // The database's secret as functions get it: its attachment to the instance (Ref gives the secret's ARN).
        var secret = TemplateJson.Resources(sdc.Json(stage, s => s.Catalog), "AWS::SecretsManager::SecretTargetAttachment").Single().Id;
        var ours = sdc.AllTemplates(stage)
            .SelectMany(t => TemplateJson.Resources(t.Template, "AWS::Lambda::Function"))
            .Where(f => f.Properties["Runtime"]?.GetValue<string>() == "dotnet10")
            .ToList();

        Assert.Equal(9, ours.Count); // migrate, integrity, indexer, plan, index-job, record-job, summarize, reconciler, api
        var exports = TemplateJson.Exports(sdc.AllTemplates(stage).Select(t => t.Template));
        foreach (var (id, properties) in ours)
        {
            var variables = properties["Environment"]!["Variables"]!.AsObject();
            Assert.Equal(secret, TemplateJson.LogicalIdOf(variables["SDC_CATALOG_SECRET_ARN"], exports));
            Assert.Null(variables["SDC_CATALOG"]);
            Assert.DoesNotContain(variables, v => v.Key.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase)
                || v.Value!.ToJsonString().Contains("SecretString", StringComparison.Ordinal));
            Assert.Equal("arm64", properties["Architectures"]![0]!.GetValue<string>());
            Assert.NotNull(properties["VpcConfig"]);
        }
    }
}
