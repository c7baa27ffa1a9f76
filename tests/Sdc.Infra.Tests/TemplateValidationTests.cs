using System.Diagnostics;
using System.Text.Json.Nodes;
using Sdc.Testing;

namespace Sdc.Infra.Tests;

/// <summary>
/// The synthesized assembly through validators written by others: every template against
/// CloudFormation's current resource schemas (tests/tools/cfn-validate.mjs over
/// @aws-cdk/aws-service-spec), and the state machine definition as deployed through the npm
/// asl-validator.
/// </summary>
[Collection(SynthesizedSdcGroup.Name)]
public sealed class TemplateValidationTests(SynthesizedSdc sdc)
{
    [Fact]
    public async Task EveryTemplate_ValidAgainstTheResourceSchemas()
    {
        var (exit, output) = await NodeAsync(RepositoryRoot.PathOf("tests/tools/cfn-validate.mjs"), sdc.AssemblyPath);

        Assert.True(exit == 0, output);
        Assert.Matches(@"cfn-validate: 10 template\(s\), 0 problem\(s\)", output);
    }

    [Fact]
    public async Task Validator_CatchesWhatCloudFormationWouldReject()
    {
        // The validator must fail on a broken template, or its pass above means nothing.
        var folder = Path.Combine(Path.GetTempPath(), $"sdc-bad-assembly-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var source = sdc.Json("staging", s => s.Storage);
            var bucket = TemplateJson.Resources(source, "AWS::S3::Bucket").First().Id;
            source["Resources"]![bucket]!["Properties"]!["VersioningConfiguration"] = new JsonObject { ["Enabled"] = true };
            source["Resources"]![bucket]!["Properties"]!["BucketNmae"] = "typo";
            source["Resources"]!["Dangling"] = new JsonObject { ["Type"] = "AWS::SNS::Topic", ["Properties"] = new JsonObject
            {
                ["KmsMasterKeyId"] = new JsonObject { ["Ref"] = "Nowhere" },
                ["TopicName"] = new JsonObject { ["Fn::ImportValue"] = "nobody-exports-this" },
            } };
            await File.WriteAllTextAsync(Path.Combine(folder, "bad.template.json"), source.ToJsonString());
            await File.WriteAllTextAsync(Path.Combine(folder, "manifest.json"),
                """{"version":"36.0.0","artifacts":{"bad":{"type":"aws:cloudformation:stack","properties":{"templateFile":"bad.template.json"}}}}""");

            var (exit, output) = await NodeAsync(RepositoryRoot.PathOf("tests/tools/cfn-validate.mjs"), folder);

            Assert.Equal(1, exit);
            Assert.Contains($"Resources.{bucket}.Properties.VersioningConfiguration: VersioningConfiguration needs \"Status\"", output, StringComparison.Ordinal);
            Assert.Contains("has no property \"Enabled\"", output, StringComparison.Ordinal);
            Assert.Contains("AWS::S3::Bucket has no property \"BucketNmae\"", output, StringComparison.Ordinal);
            Assert.Contains("Ref to \"Nowhere\"", output, StringComparison.Ordinal);
            Assert.Contains("Fn::ImportValue \"nobody-exports-this\": no stack of the assembly exports it", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public async Task DeployedDefinition_PassesAslValidator(string stage)
    {
        var json = sdc.Json(stage, s => s.Processing);
        var machine = TemplateJson.Resources(json, "AWS::StepFunctions::StateMachine").Single().Properties;
        var definition = await File.ReadAllTextAsync(Path.Combine(sdc.AssemblyPath, "asset." + machine["DefinitionS3Location"]!["Key"]!.GetValue<string>()));
        // What Step Functions receives after CloudFormation's substitution: each placeholder becomes
        // the ARN of the function it names (the logical id stands in for the generated name).
        var region = sdc.Stages[stage].Settings.Region ?? "eu-west-1";
        foreach (var (placeholder, value) in machine["DefinitionSubstitutions"]!.AsObject())
        {
            var function = value!["Fn::GetAtt"]![0]!.GetValue<string>();
            definition = definition.Replace("${" + placeholder + "}", $"arn:aws:lambda:{region}:123456789012:function:{function}", StringComparison.Ordinal);
        }
        Assert.DoesNotMatch(@"\$\{[A-Za-z]", definition);
        var file = Path.Combine(Path.GetTempPath(), $"sdc-{stage}-definition-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, definition);
        try
        {
            var validator = RepositoryRoot.PathOf("tests/tools/node_modules/.bin/asl-validator");
            Assert.True(File.Exists(validator), "npm asl-validator is missing: run ./test.sh (it runs npm ci in tests/tools)");
            var (exit, output) = await RunAsync(validator, "--json-path", file);

            Assert.True(exit == 0, output);
            Assert.Contains("is valid", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Task<(int Exit, string Output)> NodeAsync(params string[] arguments) => RunAsync("node", arguments);

    private static async Task<(int Exit, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot.PathOf("tests/tools") };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
