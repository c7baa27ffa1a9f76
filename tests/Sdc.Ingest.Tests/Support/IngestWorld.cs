using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Sdc.Catalog;
using Sdc.Ingest.Layout;
using Sdc.Simulator;
using Sdc.Storage;
using Sdc.Storage.FileSystem;
using Sdc.Storage.S3;
using Sdc.Testing;

namespace Sdc.Ingest.Tests.Support;

/// <summary>
/// One SDC for one test: an object store (folders, or fresh buckets on the test S3 server), a
/// migrated catalog (a SQLite file, or a fresh PostgreSQL schema), a hand-moved clock, and the
/// ingest handlers over them, as a host would compose them.
/// </summary>
public sealed class IngestWorld : IAsyncDisposable
{
    /// <summary>
    /// Where every world's clock starts: the real time when the tests began (whole seconds). Not a
    /// fixed date: the sweep compares the hand-moved clock with objects' real modification times,
    /// so a clock behind the wall clock makes fresh files look as if they came from the future
    /// (a fixed start of 08:00 on one day broke these tests from 09:00 that day on).
    /// </summary>
    public static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    private static readonly string[] LogicalBuckets = [Buckets.Inbox, Buckets.Archive, Buckets.Products, Buckets.Public];

    private readonly AmazonS3Client? _s3Admin;
    private readonly IReadOnlyDictionary<string, string>? _s3Buckets;

    private IngestWorld(string root, IObjectStore store, ICatalog catalog, IngestOptions options, AmazonS3Client? s3Admin, IReadOnlyDictionary<string, string>? s3Buckets)
    {
        Root = root;
        Store = store;
        Catalog = catalog;
        Options = options;
        _s3Admin = s3Admin;
        _s3Buckets = s3Buckets;
        Services = new IngestServices(Mission, store, catalog, options, Clock, NullLoggerFactory.Instance);
    }

    /// <summary>A private temporary folder: the buckets live under Root/buckets for the file-system store.</summary>
    public string Root { get; }

#pragma warning disable CA1822 // an instance member, so tests read World.Mission like the other parts of the world
    public Mission.Mission Mission => Simulations.Mission;
#pragma warning restore CA1822

    public IObjectStore Store { get; }

    public ICatalog Catalog { get; }

    public IngestOptions Options { get; }

    public ManualClock Clock { get; } = new(Start);

    public IngestServices Services { get; }

    public CancellationToken Ct { get; } = new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token;

    public static async Task<IngestWorld> CreateAsync(Backend backend, PostgresDatabaseFixture? postgres, IngestOptions? options = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "sdc-ingest-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var catalogSpec = backend == Backend.FileSystemPostgres
            ? await (postgres ?? throw new ArgumentNullException(nameof(postgres))).CreateSchemaAsync()
            : Path.Combine(root, "catalog.db");
        var catalog = await CatalogFactory.OpenAsync(catalogSpec, CancellationToken.None);
        await catalog.MigrateAsync(CancellationToken.None);
        options ??= new IngestOptions();
        if (backend != Backend.S3Sqlite)
        {
            var store = new FileSystemObjectStore(new FileSystemObjectStoreOptions { RootPath = Path.Combine(root, "buckets") });
            return new IngestWorld(root, store, catalog, options, null, null);
        }

        var endpoint = Environment.GetEnvironmentVariable("SDC_TEST_S3_ENDPOINT");
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            throw new InvalidOperationException("SDC_TEST_S3_ENDPOINT is not set, so there is no S3 server to test against. Run ./test.sh, "
                + "or start the services with `tests/services/start.sh <dir>` and `source <dir>/env.sh` before `dotnet test`.");
        }
        var run = Guid.NewGuid().ToString("N")[..10];
        var names = LogicalBuckets.ToDictionary(b => b, b => $"sdc-ingest-{run}-{b}");
        var s3Options = new S3ObjectStoreOptions
        {
            ServiceUrl = new Uri(endpoint),
            Region = "us-east-1",
            ForcePathStyle = true,
            Credentials = new BasicAWSCredentials("S3RVER", "S3RVER"),
            BucketNames = names,
            SpoolFolder = Path.Combine(root, "spool"),
        };
        Directory.CreateDirectory(s3Options.SpoolFolder);
        var admin = new AmazonS3Client(s3Options.Credentials, S3ObjectStore.CreateConfig(s3Options));
        foreach (var physical in names.Values)
        {
            await admin.PutBucketAsync(physical);
        }
        return new IngestWorld(root, new S3ObjectStore(s3Options), catalog, options, admin, names);
    }

    /// <summary>Puts a local file into the inbox (under <paramref name="key"/>, default its name) and hands the event to the integrity handler.</summary>
    public async Task<IReadOnlyList<FileReport>> DropAsync(string path, string? key = null)
    {
        key ??= Path.GetFileName(path);
        await using (var stream = File.OpenRead(path))
        {
            await Store.PutAsync(Buckets.Inbox, key, stream, null, Ct);
        }
        return await Services.Integrity.HandleAsync(Buckets.Inbox, key, Ct);
    }

    /// <summary>Puts bytes into the inbox and hands the event on.</summary>
    public async Task<IReadOnlyList<FileReport>> DropBytesAsync(string key, byte[] content)
    {
        await Store.PutAsync(Buckets.Inbox, key, new MemoryStream(content), null, Ct);
        return await Services.Integrity.HandleAsync(Buckets.Inbox, key, Ct);
    }

    /// <summary>Delivers a simulated delivery as the MOC does (record last); the last report per file name.</summary>
    public async Task<Dictionary<string, FileReport>> DeliverAsync(SimulationResult delivery)
    {
        var outcomes = new Dictionary<string, FileReport>(StringComparer.Ordinal);
        foreach (var file in delivery.Files)
        {
            foreach (var report in await DropAsync(file.Path))
            {
                outcomes[report.FileName] = report;
            }
        }
        return outcomes;
    }

    public async Task<List<string>> KeysAsync(string bucket, string prefix = "")
    {
        var keys = new List<string>();
        await foreach (var entry in Store.ListAsync(bucket, prefix, Ct))
        {
            keys.Add(entry.Key);
        }
        return keys;
    }

    public async Task<byte[]> ReadAsync(string bucket, string key)
    {
        await using var stream = await Store.OpenReadAsync(bucket, key, Ct);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, Ct);
        return buffer.ToArray();
    }

    public async Task<long> CatalogCountAsync()
    {
        var stats = await Catalog.GetStatsAsync(Ct);
        return stats.TotalFiles;
    }

    public async ValueTask DisposeAsync()
    {
        await Catalog.DisposeAsync();
        (Store as IDisposable)?.Dispose();
        if (_s3Admin is not null && _s3Buckets is not null)
        {
            foreach (var physical in _s3Buckets.Values)
            {
                var listing = await _s3Admin.ListObjectsV2Async(new ListObjectsV2Request { BucketName = physical });
                foreach (var item in listing.S3Objects ?? [])
                {
                    await _s3Admin.DeleteObjectAsync(physical, item.Key);
                }
                await _s3Admin.DeleteBucketAsync(physical);
            }
            _s3Admin.Dispose();
        }
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder; the OS cleans what a test leaves behind.
        }
    }
}
