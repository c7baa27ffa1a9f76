using System.Globalization;
using Sdc.Catalog;
using Sdc.Ingest.Layout;
using Sdc.Storage.FileSystem;

namespace Sdc.Bench;

/// <summary>
/// The data side of the download benchmark (<c>bench/api</c>, where <c>sdc download</c> and curl
/// are timed): writes incompressible product files through the local SDC's file-system store
/// (<c>&lt;data&gt;/buckets</c>, with its checksum sidecars) and registers each in its catalog as an
/// EXI Level 2 product with the store's real size and checksums, as the pipeline would. Days
/// before the mission, so they never show up in the load benchmark's searches.
/// </summary>
internal sealed class DownloadSeedBenchmark : IBenchmark
{
    private static readonly DateTimeOffset FirstDay = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public string Name => "download-seed";

    public string Usage => "--catalog <spec> --data <local SDC data dir> --ids <file to write> [--files 16] [--mib 64] [--seed 42]";

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var spec = args.RequiredText("catalog");
        var data = args.RequiredText("data");
        var idsPath = args.RequiredText("ids");
        var files = args.Int("files", 16);
        var mib = args.Int("mib", 64);
        var seed = args.Int("seed", 42);
        args.RejectUnknown();

        await using var catalog = await CatalogFactory.OpenAsync(spec, cancellationToken);
        await catalog.MigrateAsync(cancellationToken);
        var store = new FileSystemObjectStore(new FileSystemObjectStoreOptions { RootPath = Path.Combine(data, "buckets") });
        var random = new Random(seed);
        var content = new byte[mib * 1024L * 1024L];
        var ids = new List<long>(files);
        long bytes = 0;
        for (var i = 0; i < files; i++)
        {
            var start = FirstDay.AddHours(i);
            var logical = string.Create(CultureInfo.InvariantCulture, $"emm_exi_l2_{start:yyyyMMdd'T'HHmmss}_0000_bench");
            var key = string.Create(CultureInfo.InvariantCulture, $"exi/l2/{start:yyyy/MM/dd}/{logical}_v01-00.fits");
            random.NextBytes(content);
            using var stream = new MemoryStream(content, writable: false);
            var info = await store.PutAsync(Buckets.Products, key, stream, null, cancellationToken);
            var result = await catalog.Files.RegisterAsync(new FileRegistration
            {
                Bucket = Buckets.Products,
                Key = key,
                Kind = FileKind.Product,
                Instrument = "exi",
                Level = "l2",
                Descriptor = "bench",
                StartTime = start,
                EndTime = start.AddMinutes(30),
                LogicalId = logical,
                SizeBytes = info.Size,
                Md5 = info.Md5!,
                Sha256 = info.Sha256!,
            }, cancellationToken);
            ids.Add(result.File.Id);
            bytes += info.Size;
        }

        await File.WriteAllLinesAsync(idsPath, ids.Select(id => id.ToString(CultureInfo.InvariantCulture)), cancellationToken);
        Console.WriteLine($"download-seed: {files} EXI L2 files of {mib} MiB ({bytes / (1024.0 * 1024 * 1024):0.00} GiB) in {store.RootPath}, ids in {idsPath}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT files={files} bytes={bytes}"));
        return 0;
    }
}
