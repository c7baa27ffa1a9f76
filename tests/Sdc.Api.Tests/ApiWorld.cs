using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Sdc.Api.Http;
using Sdc.Catalog;
using Sdc.Ingest.Layout;
using Sdc.Mission;
using Sdc.Storage;
using Sdc.Storage.FileSystem;
using Sdc.Testing;

namespace Sdc.Api.Tests;

/// <summary>
/// An SDC with a known catalog behind the API handler: a real SQLite catalog and file-system
/// store (every object really there, registered with its real checksums), seeded with one day of
/// EXI, EMIRS and EMUS files across levels, two versions of one EXI product, lineage, a run with
/// an OK EXI job (with a warning and a log) and a failed EMIRS job.
/// </summary>
public class ApiWorld : IAsyncLifetime
{
    public static readonly Uri BaseUrl = new("http://127.0.0.1:8080/");

    public static readonly DateTimeOffset Day = new(2021, 2, 24, 0, 0, 0, TimeSpan.Zero);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "sdc-api-" + Guid.NewGuid().ToString("N"));
    private readonly Uri _publicBaseUrl;

    public ApiWorld()
        : this(BaseUrl)
    {
    }

    /// <param name="publicBaseUrl">Where signed URLs point (a test host's address).</param>
    internal ApiWorld(Uri publicBaseUrl) => _publicBaseUrl = publicBaseUrl;

    public Mission.Mission Mission { get; } = MissionLoader.LoadFile(RepositoryRoot.PathOf("mission.yaml"));

    public ICatalog Catalog { get; private set; } = null!;

    public FileSystemObjectStore Store { get; private set; } = null!;

    public ApiHandler Handler { get; private set; } = null!;

    public Dictionary<string, CatalogFile> Files { get; } = [];

    public Run Run { get; private set; } = null!;

    public Job ExiJob { get; private set; } = null!;

    public Job EmrJob { get; private set; } = null!;

    public CancellationToken Ct { get; } = new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        Catalog = await CatalogFactory.OpenAsync(await CatalogSpecAsync(_root), CancellationToken.None);
        await Catalog.MigrateAsync(CancellationToken.None);
        Store = new FileSystemObjectStore(new FileSystemObjectStoreOptions
        {
            RootPath = Path.Combine(_root, "buckets"),
            PublicBaseUrl = _publicBaseUrl,
            SigningKey = RandomNumberGenerator.GetBytes(32),
        });
        Handler = new ApiHandler(
            new ApiServices(Mission, Catalog, Store, TimeProvider.System, new ApiOptions
            {
                AuthEndpoint = new Uri(_publicBaseUrl, "auth"),
                ClientId = "sdc-test",
            }),
            NullLogger<ApiHandler>.Instance);
        await SeedAsync();
    }

    /// <summary>Where the catalog lives: a SQLite file in the world's folder (subclasses: another engine).</summary>
    protected virtual Task<string> CatalogSpecAsync(string root) => Task.FromResult(Path.Combine(root, "catalog.db"));

    private async Task SeedAsync()
    {
        var ct = CancellationToken.None;
        await AddAsync("exi-l0", Buckets.Archive, "l0/exi/2021/02/24/emm_exi_l0_20210224T040000_0001_sci_v01-00.dat", FileKind.Science, "exi", "l0", "sci", 4, 1);
        await AddAsync("emr-l0", Buckets.Archive, "l0/emr/2021/02/24/emm_emr_l0_20210224T000000_0001_sci_v01-00.dat", FileKind.Science, "emr", "l0", "sci", 0, 1);
        await AddAsync("hsk", Buckets.Archive, "l0/sc/2021/02/24/emm_sc_l0_20210224T000000_0001_hsk_v01-00.dat", FileKind.Housekeeping, "sc", "l0", "hsk", 0, 1);
        await AddAsync("spk", Buckets.Archive, "kernels/spk/emm_spk_20210224_20210225_v01-00.bsp", FileKind.Kernel, null, null, "spk", 0, null, hours: 24);
        await AddAsync("exi-cal", Buckets.Archive, "calibration/exi/emm_exi_cal_20210101_flat_v01-00.fits", FileKind.Calibration, "exi", null, "flat", 0, null, hours: 24);

        Run = await Catalog.Jobs.StartRunAsync("delivery-20210224", null, RunKind.Delivery, Day.AddHours(20), ct);
        var processor = await Catalog.Jobs.EnsureProcessorVersionAsync("exi", "1.0.0", "local", ProcessorStage.Production, Day, ct);
        ExiJob = await Catalog.Jobs.CreateJobAsync(new JobCreation(Run.Id, "id-exi", "exi", "l0", processor, "production") { Stage = 0, OutputPrefix = "jobs/1/" }, Day, ct);
        EmrJob = await Catalog.Jobs.CreateJobAsync(new JobCreation(Run.Id, "id-emr", "emr", "l0", processor, "production") { Stage = 0, OutputPrefix = "jobs/2/" }, Day, ct);
        await PutAsync(Buckets.Products, "jobs/1/log.txt", "EXI-I001 start\nEXI-W012 stray light\n");
        await Catalog.Jobs.StartJobAsync(ExiJob.Id, Day.AddHours(20), ct);
        await Catalog.Jobs.AddMessagesAsync(ExiJob.Id, [new JobMessage("EXI-W012", MessageSeverity.Warning, "stray light in frame 3", Day.AddHours(20))], ct);
        await Catalog.Jobs.FinishJobAsync(ExiJob.Id, JobStatus.Warning, 3, null, "jobs/1/log.txt", Day.AddHours(20.1), ct);
        await Catalog.Jobs.StartJobAsync(EmrJob.Id, Day.AddHours(20), ct);
        await Catalog.Jobs.AddMessagesAsync(EmrJob.Id, [new JobMessage("EMR-E004", MessageSeverity.Error, "packets of another instrument", Day.AddHours(20))], ct);
        await Catalog.Jobs.FinishJobAsync(EmrJob.Id, JobStatus.Error, 2, "processor exited with 2", null, Day.AddHours(20.1), ct);
        await Catalog.Jobs.FinishRunAsync(Run.Id, RunStatus.Error, "1 OK with warnings, 1 error", Day.AddHours(21), ct);
        ExiJob = (await Catalog.Jobs.FindJobAsync(ExiJob.Id, ct))!;
        EmrJob = (await Catalog.Jobs.FindJobAsync(EmrJob.Id, ct))!;

        await AddAsync("exi-l1", Buckets.Products, "exi/l1/2021/02/24/emm_exi_l1_20210224T040000_0001_f546_v01-00.fits", FileKind.Product, "exi", "l1", "f546", 4, 1, job: ExiJob.Id);
        await AddAsync("exi-l1-v2", Buckets.Products, "exi/l1/2021/02/24/emm_exi_l1_20210224T040000_0001_f546_v01-01.fits", FileKind.Product, "exi", "l1", "f546", 4, 1, job: ExiJob.Id, minor: 1);
        await AddAsync("exi-l2", Buckets.Products, "exi/l2/2021/02/24/emm_exi_l2_20210224T040000_0001_f546_v01-00.fits", FileKind.Product, "exi", "l2", "f546", 4, 1);
        await AddAsync("exi-ql", Buckets.Products, "exi/ql/2021/02/24/emm_exi_ql_20210224T040000_0001_f546_v01-00.png", FileKind.Quicklook, "exi", "ql", "f546", 4, 1);
        await AddAsync("emr-l1", Buckets.Products, "emr/l1/2021/02/24/emm_emr_l1_20210224T060000_0002_spe_v01-00.fits", FileKind.Product, "emr", "l1", "spe", 6, 2);
        await AddAsync("emu-l2", Buckets.Products, "emu/l2/2021/02/25/emm_emu_l2_20210225T010000_0005_spe_v01-00.fits", FileKind.Product, "emu", "l2", "spe", 25, 5);
        foreach (var product in (string[])["exi-l1", "exi-l1-v2"])
        {
            await Catalog.Lineage.AddInputsAsync(Files[product].Id,
                [new LineageInput(Files["exi-l0"].Id, LineageRole.Input), new LineageInput(Files["spk"].Id, LineageRole.Kernel), new LineageInput(Files["exi-cal"].Id, LineageRole.Calibration)], ct);
        }
        await Catalog.Lineage.AddInputsAsync(Files["exi-l2"].Id, [new LineageInput(Files["exi-l1-v2"].Id, LineageRole.Input)], ct);
        await RefreshAsync();
    }

    /// <summary>Reads every seeded file again (latest and release flags change as the tests go).</summary>
    public async Task RefreshAsync()
    {
        foreach (var (name, file) in Files.ToList())
        {
            Files[name] = (await Catalog.Files.FindByIdAsync(file.Id, CancellationToken.None))!;
        }
    }

    private async Task AddAsync(string name, string bucket, string key, FileKind kind, string? instrument, string? level, string? descriptor,
        double startHour, int? orbit, double hours = 1, long? job = null, int minor = 0)
    {
        var info = await PutAsync(bucket, key, $"{name} bytes {key}");
        var file = key[(key.LastIndexOf('/') + 1)..];
        var logical = System.Text.RegularExpressions.Regex.Replace(file, @"_v\d\d-\d\d", "");
        var result = await Catalog.Files.RegisterAsync(new FileRegistration
        {
            Bucket = bucket,
            Key = key,
            Kind = kind,
            Instrument = instrument,
            Level = level,
            Descriptor = descriptor,
            StartTime = Day.AddHours(startHour),
            EndTime = Day.AddHours(startHour + hours),
            Orbit = orbit,
            LogicalId = logical,
            VersionMinor = minor,
            SizeBytes = info.Size,
            Md5 = info.Md5!,
            Sha256 = info.Sha256!,
            JobId = job,
        }, CancellationToken.None);
        Files[name] = result.File;
    }

    public async Task<ObjectInfo> PutAsync(string bucket, string key, string text)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await Store.PutAsync(bucket, key, content, null, CancellationToken.None);
    }

    public static Caller User(params string[] groups) => new(groups.Length == 0 ? "nobody" : string.Join("+", groups), groups);

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Query(params (string Name, string Value)[] parameters) =>
        parameters.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => p.Value)]);

    public Task<ApiResponse> CallAsync(string method, string path, Caller caller, string? body = null, params (string, string)[] query) =>
        Handler.HandleAsync(new ApiRequest(method, path, Query(query), body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(body), caller), Ct);

    public async Task<JsonNode> JsonAsync(string method, string path, Caller caller, string? body = null, int status = 200, params (string, string)[] query)
    {
        var response = await CallAsync(method, path, caller, body, query);
        var text = Encoding.UTF8.GetString(response.Body);
        Assert.True(response.Status == status, $"{method} {path}: expected {status}, got {response.Status}: {text}");
        return JsonNode.Parse(text)!;
    }

    public virtual async Task DisposeAsync()
    {
        await Catalog.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}
