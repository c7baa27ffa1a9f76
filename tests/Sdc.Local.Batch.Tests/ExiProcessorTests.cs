using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Sdc.Local.Batch.Tests.Support;
using Sdc.Mission;
using Sdc.Simulator;

namespace Sdc.Local.Batch.Tests;

/// <summary>
/// A real processor through the runner: one simulated EXI orbit, L0 → L1 by processors/exi/run
/// with the job in SDC_JOB, as the pipeline will run it. (The first run builds the processor.)
/// </summary>
public sealed class ExiProcessorTests
{
    [Fact]
    public async Task SubmitAndWaitAsync_ExiLevel1Job_SucceedsWithProcessorMessagesAndProducts()
    {
        await using var scratch = new BatchScratch();
        var simulator = new MissionSimulator(MissionLoader.LoadFile(Testing.RepositoryRoot.PathOf("mission.yaml")));
        var delivery = await simulator.RunAsync(
            new SimulationOptions(["exi"], new DateTime(2021, 2, 24, 0, 0, 0, DateTimeKind.Utc), 1, Path.Combine(scratch.Root, "delivery")) { ExiImageSize = 128 });
        var level0 = delivery.Files.Single(f => f.Kind == SimulatedFileKind.Science && f.Instrument == "exi").Path;
        var housekeeping = delivery.Files.Single(f => f.Kind == SimulatedFileKind.Housekeeping).Path;
        var kernels = delivery.Files.Where(f => f.Kind == SimulatedFileKind.Kernel).Select(f => f.Path).ToList();
        // The work folder is deleted after the job, so the products go where the test can read them.
        var products = Path.Combine(scratch.Root, "products");
        var job = new JsonObject
        {
            ["jobId"] = "exi-l0-batch-test",
            ["instrument"] = "exi",
            ["from"] = "l0",
            ["produces"] = new JsonArray("l1"),
            ["processor"] = new JsonObject { ["name"] = "exi", ["version"] = "1.0.0", ["image"] = "sdc/exi-processor:1.0.0" },
            ["inputs"] = Files([level0, housekeeping]),
            ["kernels"] = Files(kernels),
            ["calibration"] = new JsonArray(),
            ["outputPrefix"] = products,
            ["productVersion"] = "01-00",
            ["creationTime"] = "2021-02-25T06:00:00Z",
            ["parameters"] = new JsonObject(),
        };
        var runner = scratch.Runner(1, new JobDefinition("exi", Testing.RepositoryRoot.PathOf("processors/exi/run")));

        var result = await runner.SubmitAndWaitAsync(
            scratch.Request("exi-l0-1", "exi", timeoutSeconds: 900, environment: new Dictionary<string, string> { ["SDC_JOB"] = job.ToJsonString() }),
            CancellationToken.None);

        var log = await scratch.ReadLogAsync(result.LogKey);
        Assert.True(result.Status == BatchJobStatus.Succeeded, $"{result.StatusReason}\n{log}");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(" out {\"type\":\"start\",\"processor\":\"exi\"", log, StringComparison.Ordinal);
        Assert.Contains(" out {\"type\":\"end\",\"status\":", log, StringComparison.Ordinal);
        // One "fetched and verified" per input and kernel file.
        Assert.Equal(2 + kernels.Count, result.Messages.Count(m => m.Code == "SDK-I001"));
        Assert.Contains(result.Messages, m => m.Code == "EXI-I001" && m.Severity == "info" && m.File == Path.GetFileName(level0));
        Assert.DoesNotContain(result.Messages, m => m.Severity == "error");
        var outputs = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(products, "outputs.json")))!["products"]!.AsArray();
        Assert.NotEmpty(outputs);
        Assert.Equal(outputs.Count, result.Messages.Count(m => m.Code == "SDK-I002"));
    }

    private static JsonArray Files(IEnumerable<string> paths) => new([.. paths.Select(path =>
    {
        var bytes = File.ReadAllBytes(path);
        return (JsonNode)new JsonObject
        {
            ["location"] = path,
            ["name"] = Path.GetFileName(path),
            ["size"] = bytes.Length,
            ["md5"] = Convert.ToHexStringLower(MD5.HashData(bytes)),
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)),
        };
    })]);
}
