using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Sdc.Processing.Tests;

[Collection(ProcessEnvironment.Name)]
public sealed class ProcessorHostTests
{
    private static readonly byte[] Content = Encoding.ASCII.GetBytes("CCSDS packets would be here");

    [Fact]
    public async Task Run_ValidJob_WritesProductsThenOutputsJsonAndExitsZero()
    {
        using var folder = new JobFolder(("emm_exi_l0_20210224T000000_0011_sci_v01-00.dat", Content));
        var (exit, lines) = await RunAsync(folder, "--job", folder.WriteJob());

        Assert.Equal(ExitCodes.Ok, exit);
        var product = Path.Combine(folder.Output, "emm_exi_l0_20210224T000000_0011_sci_v01-00.dat.rev");
        Assert.Equal(Content.Reverse().ToArray(), await File.ReadAllBytesAsync(product));
        var outputs = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Output, "outputs.json")))!;
        var listed = outputs["products"]!.AsArray().Single()!;
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(await File.ReadAllBytesAsync(product))), listed["md5"]!.GetValue<string>());
        Assert.Equal(Content.Length, listed["size"]!.GetValue<long>());
        Assert.Equal("01-00", listed["version"]!.GetValue<string>());
        Assert.Equal("OK", outputs["status"]!.GetValue<string>());
        Assert.Equal("start", lines[0]["type"]!.GetValue<string>());
        Assert.Equal("end", lines[^1]["type"]!.GetValue<string>());
        Assert.Equal(0, lines[^1]["exitCode"]!.GetValue<int>());
        Assert.True(File.GetLastWriteTimeUtc(Path.Combine(folder.Output, "outputs.json")) >= File.GetLastWriteTimeUtc(product));
    }

    [Fact]
    public async Task Run_ProcessorWarns_ExitsThreeWithTheCodeOnStdout()
    {
        using var folder = new JobFolder(("a.dat", Content));
        folder.Job["parameters"]!["mode"] = "warn";

        var (exit, lines) = await RunAsync(folder, "--job", folder.WriteJob());

        Assert.Equal(ExitCodes.OkWithWarnings, exit);
        var warning = Assert.Single(lines, l => l["severity"]?.GetValue<string>() == "warning");
        Assert.Equal("EXI-W001", warning["code"]!.GetValue<string>());
        Assert.Equal(42, warning["offset"]!.GetValue<long>());
        Assert.Equal("WARNING", lines[^1]["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_ProcessingFails_ExitsOneAndWritesNoOutputsJson()
    {
        using var folder = new JobFolder(("a.dat", Content));
        folder.Job["parameters"]!["mode"] = "fail";

        var (exit, lines) = await RunAsync(folder, "--job", folder.WriteJob());

        Assert.Equal(ExitCodes.ProcessingError, exit);
        Assert.Contains(lines, l => l["code"]?.GetValue<string>() == "EXI-E001");
        Assert.False(File.Exists(Path.Combine(folder.Output, "outputs.json")));
    }

    [Fact]
    public async Task Run_UndocumentedCode_IsAProcessorBugExitOne()
    {
        using var folder = new JobFolder(("a.dat", Content));
        folder.Job["parameters"]!["mode"] = "undocumented";

        var (exit, lines) = await RunAsync(folder, "--job", folder.WriteJob());

        Assert.Equal(ExitCodes.ProcessingError, exit);
        Assert.Contains("EXI-W999", lines.Single(l => l["code"]?.GetValue<string>() == "SDK-E099")["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InputChangedSincePlanning_ExitsTwoNamingTheFile()
    {
        using var folder = new JobFolder(("a.dat", Content));
        var job = folder.WriteJob();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "a.dat"), "CCSDS packets would be HERE");

        var (exit, lines) = await RunAsync(folder, "--job", job);

        Assert.Equal(ExitCodes.BadInput, exit);
        var error = lines.Single(l => l["code"]?.GetValue<string>() == "SDK-E004");
        Assert.Equal("a.dat", error["file"]!.GetValue<string>());
        Assert.Contains("MD5", error["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Output) && File.Exists(Path.Combine(folder.Output, "outputs.json")));
    }

    public static TheoryData<string, string?, string> BadJobs => new()
    {
        // field to change, new value (null removes it), text the error must contain
        { "inputs", null, "'inputs'" },
        { "productVersion", "3-1", "'productVersion'" },
        { "creationTime", "yesterday", "'creationTime'" },
        { "instrument", "EXI!", "'instrument'" },
    };

    [Theory]
    [MemberData(nameof(BadJobs))]
    public async Task Run_MalformedJob_ExitsTwoNamingTheField(string field, string? value, string expected)
    {
        using var folder = new JobFolder(("a.dat", Content));
        if (value is null)
        {
            folder.Job.Remove(field);
        }
        else
        {
            folder.Job[field] = value;
        }

        var (exit, lines) = await RunAsync(folder, "--job", folder.WriteJob());

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(expected, lines.Single(l => l["code"]?.GetValue<string>() == "SDK-E001")["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BadMd5InJob_ExitsTwoNamingTheField()
    {
        using var folder = new JobFolder(("a.dat", Content));
        folder.Job["inputs"]![0]!["md5"] = "XYZ";

        var (exit, lines) = await RunAsync(folder, "--job", folder.WriteJob());

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("inputs[0].md5", lines.Single(l => l["code"]?.GetValue<string>() == "SDK-E001")["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_JobForAnotherVersion_ExitsTwo()
    {
        using var folder = new JobFolder(("a.dat", Content));
        folder.Job["processor"]!["version"] = "2.0.0";

        var (exit, lines) = await RunAsync(folder, "--job", folder.WriteJob());

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(lines, l => l["code"]?.GetValue<string>() == "SDK-E005");
    }

    [Fact]
    public async Task Run_BadConfigSetting_ExitsTwoNamingTheLine()
    {
        using var folder = new JobFolder(("a.dat", Content));
        var config = Path.Combine(folder.Path, "exi.yaml");
        await File.WriteAllTextAsync(config, "# calibration\nscale: lots\n");

        var (exit, lines) = await RunAsync(folder, "--job", folder.WriteJob(), "--config", config);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("exi.yaml:2", lines.Single(l => l["code"]?.GetValue<string>() == "SDK-E002")["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SameJobTwice_WritesIdenticalProducts()
    {
        using var folder = new JobFolder(("a.dat", Content));
        var job = folder.WriteJob();

        await RunAsync(folder, "--job", job);
        var first = await File.ReadAllBytesAsync(Path.Combine(folder.Output, "outputs.json"));
        await RunAsync(folder, "--job", job);
        var second = await File.ReadAllBytesAsync(Path.Combine(folder.Output, "outputs.json"));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Run_JobInEnvironment_IsReadFromSdcJob()
    {
        using var folder = new JobFolder(("a.dat", Content));
        folder.Job["inputs"]![0]!["location"] = Path.Combine(folder.Path, "a.dat");
        folder.Job["outputPrefix"] = folder.Output;
        Environment.SetEnvironmentVariable(JobReader.JobEnvironmentVariable, folder.Job.ToJsonString());
        try
        {
            var (exit, _) = await RunAsync(folder);

            Assert.Equal(ExitCodes.Ok, exit);
            Assert.True(File.Exists(Path.Combine(folder.Output, "outputs.json")));
        }
        finally
        {
            Environment.SetEnvironmentVariable(JobReader.JobEnvironmentVariable, null);
        }
    }

    private static async Task<(int Exit, List<JsonNode> Lines)> RunAsync(JobFolder folder, params string[] args)
    {
        using var output = new StringWriter();
        var exit = await ProcessorHost.RunAsync(args, new CopyProcessor(), output);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        _ = folder;
        return (exit, lines);
    }
}
