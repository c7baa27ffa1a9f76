using System.Globalization;
using System.Text;
using System.Text.Json;
using Sdc.Events;
using Sdc.Ingest;
using Sdc.Ingest.Layout;
using Sdc.Ingest.Reconciliation;
using Sdc.Ingest.Tests.Support;
using Sdc.Simulator;

namespace Sdc.Functions.Tests;

/// <summary>
/// The Lambda entry points as AWS invokes them: a JSON event in, JSON out, over the local
/// adapters (file-system store, SQLite) and the physical bucket names a deployment gives.
/// </summary>
public sealed class EntryPointTests : IAsyncLifetime
{
    private static readonly BucketMap Physical = new(new Dictionary<string, string>
    {
        [Buckets.Inbox] = "emm-sdc-staging-inbox",
        [Buckets.Archive] = "emm-sdc-staging-archive",
        [Buckets.Products] = "emm-sdc-staging-products",
        [Buckets.Public] = "emm-sdc-staging-public",
    });

    private IngestWorld? _world;

    private IngestWorld World => _world ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync() => _world = await IngestWorld.CreateAsync(Backend.FileSystemSqlite, null);

    public async Task DisposeAsync()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }
    }

    private static async Task<JsonDocument> InvokeAsync(Func<Stream, Task<Stream>> handler, string json)
    {
        await using var output = await handler(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        return await JsonDocument.ParseAsync(output);
    }

    private static string EventBridge(string physicalBucket, SimulatedFile file, int sequence) =>
        JsonSerializer.Serialize(
            S3ObjectCreatedEvent.Create(physicalBucket, file.Name, file.Size, file.Md5, IngestWorld.Start, sequence.ToString("X16", CultureInfo.InvariantCulture)),
            EventJsonContext.Default.S3ObjectCreatedEvent);

    [Fact]
    public async Task IntegrityFunction_EventBridgeEventsForADelivery_ArchivesAndReportsEachFile()
    {
        var function = new IntegrityFunction(Physical, World.Services);
        var delivery = await Simulations.GetAsync();
        var outcomes = new Dictionary<string, string>();

        var sequence = 1;
        foreach (var file in delivery.Files)
        {
            await using (var stream = File.OpenRead(file.Path))
            {
                await World.Store.PutAsync(Buckets.Inbox, file.Name, stream, null, World.Ct);
            }
            using var result = await InvokeAsync(function.HandleAsync, EventBridge("emm-sdc-staging-inbox", file, sequence++));
            foreach (var report in result.RootElement.GetProperty("files").EnumerateArray())
            {
                outcomes[report.GetProperty("fileName").GetString()!] = report.GetProperty("outcome").GetString()!;
            }
        }

        Assert.Equal("Recorded", outcomes[delivery.DeliveryRecord.Name]);
        Assert.All(delivery.Files.Where(f => f.Kind != SimulatedFileKind.DeliveryRecord), f => Assert.Equal("Archived", outcomes[f.Name]));
        Assert.Single(await World.KeysAsync(Buckets.Archive, StorageLayout.ManifestPrefix));
    }

    [Fact]
    public async Task IntegrityFunction_S3NotificationRecordWithEncodedKey_DecodesTheKey()
    {
        var function = new IntegrityFunction(Physical, World.Services);
        await World.Store.PutAsync(Buckets.Inbox, "incoming files/readme me.txt", new MemoryStream([1]), null, World.Ct);
        var json = """
            {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1","eventTime":"2026-11-22T08:00:00.000Z",
            "eventName":"ObjectCreated:Put","userIdentity":{"principalId":"AWS:EXAMPLE"},"requestParameters":{"sourceIPAddress":"127.0.0.1"},
            "responseElements":{"x-amz-request-id":"1","x-amz-id-2":"2"},"s3":{"s3SchemaVersion":"1.0","configurationId":"inbox",
            "bucket":{"name":"emm-sdc-staging-inbox","ownerIdentity":{"principalId":"EXAMPLE"},"arn":"arn:aws:s3:::emm-sdc-staging-inbox"},
            "object":{"key":"incoming+files/readme+me.txt","size":1,"eTag":"x","sequencer":"0A1B2C3D4E5F678901"}}}]}
            """;

        using var result = await InvokeAsync(function.HandleAsync, json);

        var report = Assert.Single(result.RootElement.GetProperty("files").EnumerateArray());
        Assert.Equal(("incoming files/readme me.txt", "Quarantined", "INT-E001"),
            (report.GetProperty("key").GetString(), report.GetProperty("outcome").GetString(), report.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task IntegrityFunction_ScheduledEvent_RunsTheSweep()
    {
        var function = new IntegrityFunction(Physical, World.Services);
        var file = (await Simulations.GetAsync()).Files.First(f => f.Kind == SimulatedFileKind.Calibration);
        await World.DropAsync(file.Path);
        await World.DropBytesAsync(file.Name + ".md5", Encoding.ASCII.GetBytes(file.Md5));
        World.Clock.Advance(TimeSpan.FromMinutes(5));

        using var result = await InvokeAsync(function.HandleAsync,
            JsonSerializer.Serialize(ScheduledEvent.Create("sdc-ingest-sweep", World.Clock.GetUtcNow()), EventJsonContext.Default.ScheduledEvent));

        var manifest = Assert.Single(result.RootElement.GetProperty("manifests").EnumerateArray()).GetString();
        Assert.StartsWith(StorageLayout.ManifestPrefix, manifest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntegrityFunction_EventForAnotherBucketOrNotAnEvent_Fails()
    {
        var function = new IntegrityFunction(Physical, World.Services);
        var file = (await Simulations.GetAsync()).Files[0];

        await Assert.ThrowsAsync<InvalidOperationException>(() => function.HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(EventBridge("someone-elses-bucket", file, 1)))));
        await Assert.ThrowsAsync<EventFormatException>(() => function.HandleAsync(new MemoryStream("{\"hello\":1}"u8.ToArray())));
    }

    [Fact]
    public async Task IndexerFunction_PipelineIndexTaskPayload_FailsNamingIndexFunction()
    {
        var function = new IndexerFunction(Physical, World.Services);

        var error = await Assert.ThrowsAsync<EventFormatException>(() => function.HandleAsync(new MemoryStream("""{"jobId":1,"outputPrefix":"jobs/j1/","exitCode":0}"""u8.ToArray())));

        Assert.Contains(nameof(IndexFunction), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReconcilerFunction_ScheduledEvent_ReturnsACleanReportAfterIngest()
    {
        await World.DeliverAsync(await Simulations.GetAsync());
        var function = new ReconcilerFunction(World.Services, new ReconcileOptions { ChecksumSample = 1 });

        using var result = await InvokeAsync(function.HandleAsync,
            JsonSerializer.Serialize(ScheduledEvent.Create("sdc-reconcile", World.Clock.GetUtcNow()), EventJsonContext.Default.ScheduledEvent));

        Assert.Empty(result.RootElement.GetProperty("drifts").EnumerateArray());
        Assert.True(result.RootElement.GetProperty("objectsChecksummed").GetInt64() > 10);
    }
}
