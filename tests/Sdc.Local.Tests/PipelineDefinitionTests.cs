using System.Diagnostics;
using System.Text.Json.Nodes;
using Sdc.Testing;

namespace Sdc.Local.Tests;

/// <summary>infra/pipeline.asl.json as both hosts load it: the npm asl-validator and the interpreter's own validation accept it.</summary>
public sealed class PipelineDefinitionTests
{
    private static readonly string Path = RepositoryRoot.PathOf(PipelineDefinition.RelativePath);

    // What CDK's DefinitionSubstitutions puts in on AWS.
    private static readonly Dictionary<string, string> CloudValues = new()
    {
        ["PlanFunctionArn"] = "arn:aws:lambda:eu-west-1:123456789012:function:sdc-plan",
        ["IndexFunctionArn"] = "arn:aws:lambda:eu-west-1:123456789012:function:sdc-index",
        ["RecordJobFunctionArn"] = "arn:aws:lambda:eu-west-1:123456789012:function:sdc-record-job",
        ["SummarizeFunctionArn"] = "arn:aws:lambda:eu-west-1:123456789012:function:sdc-summarize",
    };

    [Fact]
    public void Load_LocalSubstitutions_ParsesAndValidates()
    {
        var machine = PipelineDefinition.Load(Path);

        Assert.NotNull(machine);
        Assert.DoesNotMatch(@"\$\{[A-Za-z]", PipelineDefinition.Substitute(File.ReadAllText(Path), LocalArns.Substitutions));
    }

    [Fact]
    public async Task AslValidator_CloudSubstitutions_AcceptsTheDefinition()
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pipeline-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, PipelineDefinition.Substitute(await File.ReadAllTextAsync(Path), CloudValues));
        try
        {
            var validator = RepositoryRoot.PathOf("tests/tools/node_modules/.bin/asl-validator");
            Assert.True(File.Exists(validator), "npm asl-validator is missing: run ./test.sh (it runs npm ci in tests/tools)");
            var start = new ProcessStartInfo(validator) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("--json-path");
            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.True(process.ExitCode == 0, output);
            Assert.Contains("is valid", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Substitute_UnknownPlaceholder_SaysWhichAndWhatIsKnown()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PipelineDefinition.Substitute("{\"Resource\": \"${Nope}\"}", LocalArns.Substitutions));

        Assert.Contains("${Nope}", error.Message, StringComparison.Ordinal);
        Assert.Contains("PlanFunctionArn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Definition_EveryJobStepCatchesEverything_SoNoJobFailureStopsTheOthers()
    {
        var root = JsonNode.Parse(File.ReadAllText(Path))!;
        var job = root["States"]!["RunJobs"]!["ItemProcessor"]!["States"]!;

        foreach (var step in new[] { "SubmitJob", "Index" })
        {
            var catcher = Assert.Single(job[step]!["Catch"]!.AsArray());
            Assert.Equal("States.ALL", Assert.Single(catcher!["ErrorEquals"]!.AsArray())!.GetValue<string>());
            Assert.Equal("RecordFailure", catcher["Next"]!.GetValue<string>());
        }
        Assert.Equal("States.ALL", job["RecordFailure"]!["Retry"]![0]!["ErrorEquals"]![0]!.GetValue<string>());
        Assert.Equal("Plan", root["States"]!["NextLevel"]!["Next"]!.GetValue<string>());
    }
}
