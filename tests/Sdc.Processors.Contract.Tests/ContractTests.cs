using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Sdc.Mission;

namespace Sdc.Processors.Contract.Tests;

/// <summary>
/// The processor contract (../../processors/Sdc.Processing/README.md), checked against every
/// processor executable in <see cref="ProcessorUnderTest.All"/>, whatever its language: a valid
/// job gives products that outputs.json describes exactly; a bad job is exit 2 with a clear
/// message; a corrupted input gives the promised warning or error; a re-run is byte-identical;
/// every message code printed is documented.
/// </summary>
public sealed class ContractTests(SimulatedDeliveries deliveries) : IClassFixture<SimulatedDeliveries>
{
    private static readonly Mission.Mission Mission = MissionLoader.LoadFile(Repository.PathOf("mission.yaml"));

    public static TheoryData<string> Processors()
    {
        var data = new TheoryData<string>();
        foreach (var p in ProcessorUnderTest.All)
        {
            data.Add(p.Id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Processors))]
    public async Task ValidJob_OutputsJsonMatchesTheProductsWritten(string id)
    {
        var processor = ProcessorUnderTest.Get(id);

        var run = await ProcessorRun.StartAsync(processor, ProcessorRun.JobFor(processor, deliveries.Clean), deliveries.Scratch);

        Assert.True(run.ExitCode == 0, run.ToString());
        AssertFramed(run);
        var outputs = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(run.OutputFolder, "outputs.json")))!;
        var products = outputs["products"]!.AsArray().Select(p => p!.AsObject()).ToList();
        Assert.NotEmpty(products);
        Assert.Equal(products.Count, run.Lines[^1]["products"]!.GetValue<int>());
        foreach (var product in products)
        {
            var name = product["name"]!.GetValue<string>();
            var bytes = await File.ReadAllBytesAsync(Path.Combine(run.OutputFolder, name));
            Assert.Equal(bytes.Length, product["size"]!.GetValue<long>());
            Assert.Equal(Convert.ToHexStringLower(MD5.HashData(bytes)), product["md5"]!.GetValue<string>());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), product["sha256"]!.GetValue<string>());
            var parsed = Mission.ParseFileName(name);
            Assert.Equal(processor.Instrument, parsed.Instrument);
            Assert.Contains(parsed.Level, processor.Produces);
            Assert.Equal(product["level"]!.GetValue<string>(), parsed.Level);
            Assert.Equal("01-00", product["version"]!.GetValue<string>());
            Assert.True(DateTimeOffset.Parse(product["start"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
                <= DateTimeOffset.Parse(product["end"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), name);
            if (name.EndsWith(".fits", StringComparison.Ordinal))
            {
                await AssertFitsVerifiesAsync(Path.Combine(run.OutputFolder, name));
            }
        }
        var listed = products.Select(p => p["name"]!.GetValue<string>()).Append("outputs.json").Order(StringComparer.Ordinal);
        Assert.Equal(listed, Directory.GetFiles(run.OutputFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Processors))]
    public async Task JobWithoutInputs_ExitsTwoSayingWhatIsMissing(string id)
    {
        var processor = ProcessorUnderTest.Get(id);
        var job = ProcessorRun.JobFor(processor, deliveries.Clean);
        job.Remove("inputs");

        var run = await ProcessorRun.StartAsync(processor, job, deliveries.Scratch);

        Assert.True(run.ExitCode == 2, run.ToString());
        AssertFramed(run);
        Assert.Contains(run.Messages, m => m["severity"]!.GetValue<string>() == "error" && m["text"]!.GetValue<string>().Contains("inputs", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(run.OutputFolder, "outputs.json")));
    }

    [Theory]
    [MemberData(nameof(Processors))]
    public async Task InputChecksumMismatch_ExitsTwoNamingTheFile(string id)
    {
        var processor = ProcessorUnderTest.Get(id);
        var job = ProcessorRun.JobFor(processor, deliveries.Clean);
        job["inputs"]![0]!["md5"] = new string('0', 32);

        var run = await ProcessorRun.StartAsync(processor, job, deliveries.Scratch);

        Assert.True(run.ExitCode == 2, run.ToString());
        var name = job["inputs"]![0]!["name"]!.GetValue<string>();
        Assert.Contains(run.Messages, m => m["code"]?.GetValue<string>() == "SDK-E004" && m["text"]!.GetValue<string>().Contains(name, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Processors))]
    public async Task SequenceGap_WarnsWithADocumentedCodeAndStillWritesProducts(string id)
    {
        var processor = ProcessorUnderTest.Get(id);

        var run = await ProcessorRun.StartAsync(processor, ProcessorRun.JobFor(processor, deliveries.WithGap), deliveries.Scratch);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains(run.Messages, m => m["severity"]!.GetValue<string>() == "warning");
        Assert.True(File.Exists(Path.Combine(run.OutputFolder, "outputs.json")));
        var outputs = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(run.OutputFolder, "outputs.json")))!;
        Assert.Equal("WARNING", outputs["status"]!.GetValue<string>());
        Assert.Contains(outputs["products"]!.AsArray(), p => p!["quality"]!.GetValue<int>() != 0);
    }

    [Theory]
    [MemberData(nameof(Processors))]
    public async Task TruncatedInput_ReportsTheFileAndByteOffset(string id)
    {
        var processor = ProcessorUnderTest.Get(id);
        var job = ProcessorRun.JobFor(processor, deliveries.Truncated);
        var name = job["inputs"]![0]!["name"]!.GetValue<string>();
        var fault = deliveries.Truncated.Faults.Single(f => f.FileName == name);

        var run = await ProcessorRun.StartAsync(processor, job, deliveries.Scratch);

        // A processor may refuse the file (exit 2) or keep its good part with a warning (exit 3);
        // either way it names the file and the byte offset where the damage starts.
        Assert.True(run.ExitCode is 2 or 3, run.ToString());
        var report = Assert.Single(run.Messages, m => m["severity"]!.GetValue<string>() is "error" or "warning" && m["offset"] is not null);
        Assert.Equal(name, report["file"]!.GetValue<string>());
        Assert.Equal(fault.Offset, report["offset"]!.GetValue<long>());
    }

    [Theory]
    [MemberData(nameof(Processors))]
    public async Task SameJobTwice_WritesByteIdenticalProducts(string id)
    {
        var processor = ProcessorUnderTest.Get(id);
        var job = ProcessorRun.JobFor(processor, deliveries.Clean);

        var first = await ProcessorRun.StartAsync(processor, job, deliveries.Scratch);
        var second = await ProcessorRun.StartAsync(processor, job, deliveries.Scratch);

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first + "\n" + second);
        var names = Directory.GetFiles(first.OutputFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, Directory.GetFiles(second.OutputFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var name in names)
        {
            var a = await File.ReadAllBytesAsync(Path.Combine(first.OutputFolder, name!));
            var b = await File.ReadAllBytesAsync(Path.Combine(second.OutputFolder, name!));
            Assert.True(a.SequenceEqual(b), $"{name} differs between runs");
        }
    }

    [Theory]
    [MemberData(nameof(Processors))]
    public async Task EveryMessageCodePrinted_IsInTheProcessorsTable(string id)
    {
        var processor = ProcessorUnderTest.Get(id);
        var table = await File.ReadAllTextAsync(Repository.PathOf(processor.MessagesTable))
            + await File.ReadAllTextAsync(Repository.PathOf("processors/Sdc.Processing/MESSAGES.md"));
        var runs = new[]
        {
            await ProcessorRun.StartAsync(processor, ProcessorRun.JobFor(processor, deliveries.Clean), deliveries.Scratch),
            await ProcessorRun.StartAsync(processor, ProcessorRun.JobFor(processor, deliveries.WithGap), deliveries.Scratch),
            await ProcessorRun.StartAsync(processor, ProcessorRun.JobFor(processor, deliveries.Truncated), deliveries.Scratch),
        };

        var codes = runs.SelectMany(r => r.Messages).Select(m => m["code"]!.GetValue<string>()).Distinct().ToList();

        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.Contains($"| {code} |", table, StringComparison.Ordinal));
    }

    // Every run starts with a start line and ends with an end line whose exit code is the process's.
    private static void AssertFramed(ProcessorRun run)
    {
        Assert.Equal("start", run.Lines[0]["type"]!.GetValue<string>());
        Assert.Equal("end", run.Lines[^1]["type"]!.GetValue<string>());
        Assert.Equal(run.ExitCode, run.Lines[^1]["exitCode"]!.GetValue<int>());
        Assert.All(run.Messages, m => Assert.Matches("^[A-Z]+(-[A-Z]+)?-[IWE][0-9]{3}$", m["code"]!.GetValue<string>()));
    }

    private static async Task AssertFitsVerifiesAsync(string path)
    {
        var start = new ProcessStartInfo("fitsverify") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-q");
        start.ArgumentList.Add(path);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("fitsverify is not installed: run ./test.sh (it installs Debian's fitsverify)");
        }
        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(output.StartsWith("verification OK", StringComparison.Ordinal), $"fitsverify {path}: {output}");
        }
    }
}
