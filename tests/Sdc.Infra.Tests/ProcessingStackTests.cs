using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amazon.CDK.Assertions;
using Sdc.Testing;

namespace Sdc.Infra.Tests;

[Collection(SynthesizedSdcGroup.Name)]
public sealed class ProcessingStackTests(SynthesizedSdc sdc)
{
    [Theory]
    [MemberData(nameof(SynthesizedSdc.StageNames), MemberType = typeof(SynthesizedSdc))]
    public void StateMachine_IsPipelineFileWithEveryPlaceholderFilledByItsFunction(string stage)
    {
        var json = sdc.Json(stage, s => s.Processing);
        var machine = TemplateJson.Resources(json, "AWS::StepFunctions::StateMachine").Single().Properties;

        // The definition is uploaded as an asset: the very bytes of infra/pipeline.asl.json.
        var key = machine["DefinitionS3Location"]!["Key"]!.GetValue<string>();
        var uploaded = File.ReadAllText(Path.Combine(sdc.AssemblyPath, $"asset.{key}"));
        var file = File.ReadAllText(RepositoryRoot.PathOf("infra/pipeline.asl.json"));
        Assert.Equal(file, uploaded);

        var placeholders = Regex.Matches(file, @"\$\{([A-Za-z]+)\}").Select(m => m.Groups[1].Value).ToHashSet();
        var substitutions = machine["DefinitionSubstitutions"]!.AsObject();
        Assert.Equal(placeholders.Order(), substitutions.Select(s => s.Key).Order());
        var handlers = new Dictionary<string, string>
        {
            ["PlanFunctionArn"] = Building.FunctionHandlers.Plan,
            ["IndexFunctionArn"] = Building.FunctionHandlers.IndexJob,
            ["RecordJobFunctionArn"] = Building.FunctionHandlers.RecordJob,
            ["SummarizeFunctionArn"] = Building.FunctionHandlers.Summarize,
        };
        foreach (var (placeholder, value) in substitutions)
        {
            var function = value!["Fn::GetAtt"]!.AsArray();
            Assert.Equal("Arn", function[1]!.GetValue<string>());
            var handler = TemplateJson.Resource(json, function[0]!.GetValue<string>())["Properties"]!["Handler"]!.GetValue<string>();
            Assert.Equal(handlers[placeholder], handler);
        }
        Assert.Equal("STANDARD", machine["StateMachineType"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(SynthesizedSdc.StageNames), MemberType = typeof(SynthesizedSdc))]
    public void Batch_FargateWithProductionQueueBeforeReprocessing(string stage)
    {
        var json = sdc.Json(stage, s => s.Processing);

        var environments = TemplateJson.Resources(json, "AWS::Batch::ComputeEnvironment").ToDictionary(e => e.Id, e => e.Properties);
        Assert.Equal(["FARGATE", "FARGATE_SPOT"], environments.Values.Select(e => e["ComputeResources"]!["Type"]!.GetValue<string>()).Order());
        Assert.All(environments.Values, e => Assert.Equal("MANAGED", e["Type"]!.GetValue<string>(), ignoreCase: true));
        var queues = TemplateJson.Resources(json, "AWS::Batch::JobQueue").ToDictionary(q => q.Properties["JobQueueName"]!.GetValue<string>(), q => q.Properties);
        var production = queues[$"sdc-{stage}-production"];
        var reprocessing = queues[$"sdc-{stage}-reprocessing"];
        Assert.True(production["Priority"]!.GetValue<int>() > reprocessing["Priority"]!.GetValue<int>(),
            "daily processing must be scheduled before reprocessing");
        // Daily processing never waits for Spot capacity; reprocessing tries Spot first.
        var onDemand = environments.Single(e => e.Value["ComputeResources"]!["Type"]!.GetValue<string>() == "FARGATE").Key;
        Assert.Equal([onDemand], production["ComputeEnvironmentOrder"]!.AsArray().Select(o => o!["ComputeEnvironment"]!["Fn::GetAtt"]![0]!.GetValue<string>()));
        Assert.Equal(2, reprocessing["ComputeEnvironmentOrder"]!.AsArray().Count);
    }

    [Theory]
    [MemberData(nameof(SynthesizedSdc.StageNames), MemberType = typeof(SynthesizedSdc))]
    public void JobDefinitions_OnePerProcessorOfMissionYaml_WithItsResourcesTimeoutAndRetries(string stage)
    {
        var json = sdc.Json(stage, s => s.Processing);
        var definitions = TemplateJson.Resources(json, "AWS::Batch::JobDefinition").ToDictionary(d => d.Properties["JobDefinitionName"]!.GetValue<string>(), d => d.Properties);

        Assert.Equal(sdc.Inputs.Mission.Processors.Select(p => $"sdc-{stage}-{p.Instrument}").Order(), definitions.Keys.Order());
        foreach (var processor in sdc.Inputs.Mission.Processors)
        {
            var definition = definitions[$"sdc-{stage}-{processor.Instrument}"];
            Assert.Equal(["FARGATE"], TemplateJson.Strings(definition["PlatformCapabilities"]));
            Assert.Equal(processor.TimeoutSeconds, definition["Timeout"]!["AttemptDurationSeconds"]!.GetValue<int>());
            Assert.Equal(processor.RetryAttempts, definition["RetryStrategy"]!["Attempts"]!.GetValue<int>());
            var container = definition["ContainerProperties"]!;
            var resources = container["ResourceRequirements"]!.AsArray().ToDictionary(r => r!["Type"]!.GetValue<string>(), r => r!["Value"]!.GetValue<string>());
            Assert.Equal(processor.Vcpu.ToString(System.Globalization.CultureInfo.InvariantCulture), resources["VCPU"]);
            Assert.Equal(processor.MemoryMiB.ToString(System.Globalization.CultureInfo.InvariantCulture), resources["MEMORY"]);
            Assert.Equal("DISABLED", container["NetworkConfiguration"]!["AssignPublicIp"]!.GetValue<string>());
            // The image is the instrument's repository at the version versions.json gives this stage.
            var image = TemplateJson.Render(container["Image"], new Dictionary<string, JsonNode>());
            var (release, tagOrDigest) = Building.ProcessorImages.For(sdc.Inputs.Processors, processor.Instrument, sdc.Stages[stage].Settings.Processors);
            Assert.EndsWith((tagOrDigest.StartsWith("sha256:", StringComparison.Ordinal) ? "@" : ":") + tagOrDigest, image, StringComparison.Ordinal);
            Assert.Contains($"<Repository{processor.Instrument}", image, StringComparison.Ordinal);
            Assert.Contains(container["Environment"]!.AsArray(), e => e!["Name"]!.GetValue<string>() == "SDC_PROCESSOR_VERSION" && e["Value"]!.GetValue<string>() == release.Version);
        }
    }

    [Theory]
    [MemberData(nameof(SynthesizedSdc.StageNames), MemberType = typeof(SynthesizedSdc))]
    public void Repositories_ImmutableTagsScannedOnPush(string stage)
    {
        var template = sdc.Template(stage, s => s.Processing);

        template.ResourcePropertiesCountIs("AWS::ECR::Repository", new Dictionary<string, object>
        {
            ["ImageTagMutability"] = "IMMUTABLE",
            ["ImageScanningConfiguration"] = new Dictionary<string, object> { ["ScanOnPush"] = true },
        }, sdc.Inputs.Mission.Processors.Count);
    }

    [Theory]
    [MemberData(nameof(SynthesizedSdc.StageNames), MemberType = typeof(SynthesizedSdc))]
    public void Rules_RouteBucketEventsAsTheLocalRuntimeDoes(string stage)
    {
        var json = sdc.Json(stage, s => s.Processing);
        var exports = TemplateJson.Exports(sdc.AllTemplates(stage).Select(t => t.Template));
        var routes = TemplateJson.Resources(json, "AWS::Events::Rule")
            .Where(r => r.Properties["EventPattern"]?["source"]?[0]?.GetValue<string>() == "aws.s3")
            .Select(r =>
            {
                var detail = r.Properties["EventPattern"]!["detail"]!;
                var bucket = TemplateJson.LogicalIdOf(detail["bucket"]!["name"]![0], exports)!;
                var prefix = detail["object"]?["key"]?[0]?["prefix"]?.GetValue<string>() ?? "";
                var target = r.Properties["Targets"]![0]!;
                var targetId = TemplateJson.LogicalIdOf(target["Arn"], exports)!;
                return (Bucket: Regex.Replace(bucket, "[0-9A-F]{8}$", ""), Prefix: prefix, Target: Regex.Replace(targetId, "[0-9A-F]{8}$", ""), Input: target["InputTransformer"]?["InputTemplate"]?.GetValue<string>());
            })
            .ToList();

        Assert.Equal(
            ["Archive manifests/ → Pipeline", "Archive requests/ → Pipeline", "Inbox  → Integrity", "Products uploads/ → Indexer"],
            routes.Select(r => $"{r.Bucket} {r.Prefix} → {r.Target}").Order());
        // The pipeline gets what LocalRuntime.StartExecutionAsync gives it.
        var manifests = routes.Single(r => r.Prefix == "manifests/");
        Assert.Contains("\"kind\":\"delivery\"", manifests.Input, StringComparison.Ordinal);
        Assert.Contains("\"manifest\":<detail-object-key>", manifests.Input, StringComparison.Ordinal);
        Assert.Contains("\"stage\":0", manifests.Input, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"stored\"", routes.Single(r => r.Prefix == "requests/").Input, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SynthesizedSdc.StageNames), MemberType = typeof(SynthesizedSdc))]
    public void Alarms_FailedExecutionsAndFailedJobsReachTheTopic(string stage)
    {
        var json = sdc.Json(stage, s => s.Processing);
        var topic = TemplateJson.Resources(json, "AWS::SNS::Topic").Single().Id;

        var alarms = TemplateJson.Resources(json, "AWS::CloudWatch::Alarm").ToList();
        Assert.Contains(alarms, a => a.Properties["MetricName"]!.GetValue<string>() == "ExecutionsFailed" && a.Properties["Namespace"]!.GetValue<string>() == "AWS/States");
        Assert.All(alarms, a => Assert.Equal(topic, a.Properties["AlarmActions"]![0]!["Ref"]!.GetValue<string>()));
        var failedJobs = TemplateJson.Resources(json, "AWS::Events::Rule").Single(r => r.Properties["EventPattern"]?["source"]?[0]?.GetValue<string>() == "aws.batch").Properties;
        Assert.Equal(["FAILED"], TemplateJson.Strings(failedJobs["EventPattern"]!["detail"]!["status"]));
        Assert.Equal(topic, failedJobs["Targets"]![0]!["Arn"]!["Ref"]!.GetValue<string>());
    }
}
