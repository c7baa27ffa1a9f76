using System.Text.Json.Nodes;

namespace Sdc.Cli.Tests;

/// <summary>
/// Two validations of the real EXI processor, made once for the class: staging (the same build as
/// production, under its own digest) against production, which must pass; and a candidate run with
/// another configuration (no housekeeping within 0 s, a stricter flat threshold), which must fail
/// naming what differs.
/// </summary>
public sealed class ExiValidationsFixture : IAsyncLifetime, IDisposable
{
    public const string ProductionDigest = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    public const string StagingDigest = "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    public const string Versions = $$"""
        {
          "exi": {
            "production": { "name": "exi", "version": "1.0.0", "image": "sdc/exi-processor:1.0.0", "digest": "{{ProductionDigest}}" },
            "staging": { "name": "exi", "version": "1.0.0", "image": "sdc/exi-processor:1.0.0", "digest": "{{StagingDigest}}" }
          },
          "emr": {
            "production": { "name": "emr", "version": "1.0.0", "image": "sdc/emr-processor:1.0.0" }
          }
        }

        """;

    private readonly TempDirectory _dir = new();

    public string Root => _dir.Path;

    public string PassingData => Path.Combine(_dir.Path, "pass");

    public string FailingData => Path.Combine(_dir.Path, "fail");

    public string FailingWork => Path.Combine(_dir.Path, "fail-work");

    internal SdcResult Passing { get; private set; } = null!;

    internal SdcResult Failing { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var versions = Path.Combine(_dir.Path, "versions.json");
        await File.WriteAllTextAsync(versions, Versions);
        var config = Path.Combine(_dir.Path, "exi-changed.yaml");
        await File.WriteAllTextAsync(config, "housekeeping:\n  maxDistanceSeconds: 0\nlevel2:\n  minimumFlat: 0.97\n");
        // One after the other: the machine's cores are shared with the other suites.
        Passing = await SdcProcess.RunAsync(_dir.Path, null, "processors", "validate", "exi", "--versions", versions, "--data", PassingData);
        Failing = await SdcProcess.RunAsync(_dir.Path, null, "processors", "validate", "exi", "--versions", versions, "--data", FailingData,
            "--candidate", $"{SdcProcess.RepositoryRoot}/processors/exi/run --config {config}", "--work", FailingWork);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _dir.Dispose();
}

public sealed class ProcessorsCommandTests(ExiValidationsFixture validations) : IClassFixture<ExiValidationsFixture>, IDisposable
{
    private readonly TempDirectory _dir = new();

    private string VersionsFile => Path.Combine(_dir.Path, "versions.json");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Validate_StagingSameBuildAsProduction_PassesAndWritesTheReportToTheArchive()
    {
        var result = validations.Passing;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("PASSED exi 1.0.0 against 1.0.0; report: " + ReportPath(validations.PassingData), result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"30 product\(s\): 30 matching \(\d+ identical\), 0 differing, 0 missing, 0 extra", result.Stdout);
        Assert.Contains("Promote it with: sdc processors promote exi 1.0.0", result.Stdout, StringComparison.Ordinal);
        var report = Report(validations.PassingData);
        Assert.True(report["passed"]!.GetValue<bool>());
        Assert.Equal("exi", report["instrument"]!.GetValue<string>());
        Assert.Equal(ExiValidationsFixture.StagingDigest, report["candidate"]!["digest"]!.GetValue<string>());
        Assert.Equal(ExiValidationsFixture.ProductionDigest, report["baseline"]!["digest"]!.GetValue<string>());
        Assert.StartsWith("simulated: exi, 1 orbit(s) from 2021-02-24T00:00:00Z, seed 1", report["reference"]!["source"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", report["reference"]!["sha256"]!.GetValue<string>());
        Assert.EndsWith("processors/exi/validation.yaml", report["settings"]!["source"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(30, report["products"]!.AsArray().Count);
        Assert.All(report["products"]!.AsArray(), p => Assert.Equal("match", p!["result"]!.GetValue<string>()));
        Assert.Equal(4, report["runs"]!.AsArray().Count);
        // A passing validation leaves no work folder behind.
        Assert.False(Directory.Exists(Path.Combine(validations.PassingData, "work", "validation")) &&
            Directory.EnumerateDirectories(Path.Combine(validations.PassingData, "work", "validation")).Any());
    }

    [Fact]
    public void Validate_CandidateWithChangedProcessing_Exit4AndTheReportSaysWhichProductHduAndKeywordDiffer()
    {
        var result = validations.Failing;

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains("FAILED exi 1.0.0 against 1.0.0", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("30 products differ beyond the tolerances.", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("jobs, products and logs kept in " + validations.FailingWork, result.Stdout, StringComparison.Ordinal);
        var report = Report(validations.FailingData);
        Assert.False(report["passed"]!.GetValue<bool>());
        var products = report["products"]!.AsArray().Select(p => p!.AsObject()).ToList();
        var level1 = products.First(p => p["product"]!.GetValue<string>() == "emm_exi_l1_20210224T040000_0001_f220_v01-00.fits");
        Assert.Equal("differs", level1["result"]!.GetValue<string>());
        Assert.Contains(level1["differences"]!.AsArray(), d =>
            d!["location"]!.GetValue<string>() == "HDU 0 (PRIMARY)" && d["item"]!.GetValue<string>() == "EXITEMP" && d["problem"]!.GetValue<string>() == "only in baseline");
        // Level 2: the stricter flat makes NaN pixels, flagged in QUALITY.
        var level2 = products.First(p => p["product"]!.GetValue<string>() == "emm_exi_l2_20210224T040000_0001_f220_v01-00.fits");
        Assert.Contains(level2["differences"]!.AsArray(), d => d!["location"]!.GetValue<string>() == "HDU 1 (QUALITY)" && d["item"]!.GetValue<string>() == "pixels");
        Assert.True(Directory.Exists(Path.Combine(validations.FailingWork, "candidate", "l0-0001", "out")));
        Assert.True(File.Exists(Path.Combine(validations.FailingWork, "candidate", "l0-0001", "job.json")));
    }

    [Fact]
    public async Task Promote_PassingReport_MovesStagingToProductionAndSaysItWillReprocess()
    {
        await File.WriteAllTextAsync(VersionsFile, ExiValidationsFixture.Versions);

        var result = await Sdc("processors", "promote", "exi", "1.0.0", "--versions", VersionsFile, "--data", validations.PassingData);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"-> exi 1.0.0 sdc/exi-processor@{ExiValidationsFixture.StagingDigest}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("the next runs process exi with it, and `sdc reprocess --instrument exi", Flat(result.Stdout), StringComparison.Ordinal);
        var versions = JsonNode.Parse(await File.ReadAllTextAsync(VersionsFile))!;
        Assert.Equal(ExiValidationsFixture.StagingDigest, versions["exi"]!["production"]!["digest"]!.GetValue<string>());
        Assert.Null(versions["exi"]!["staging"]);
        Assert.Equal("emr", versions["emr"]!["production"]!["name"]!.GetValue<string>());

        var list = await Sdc("processors", "list", "--versions", VersionsFile, "--data", validations.PassingData);
        Assert.DoesNotContain("staging", list.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_FailedReport_Exit2SayingItFailedAndVersionsUntouched()
    {
        await File.WriteAllTextAsync(VersionsFile, ExiValidationsFixture.Versions);

        var result = await Sdc("processors", "promote", "exi", "1.0.0", "--versions", VersionsFile, "--data", validations.FailingData);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Not promoted: The validation of exi 1.0.0", Flat(result.Stderr), StringComparison.Ordinal);
        Assert.Contains("failed: 30 products differ beyond the tolerances.", Flat(result.Stderr), StringComparison.Ordinal);
        Assert.Equal(ExiValidationsFixture.Versions, await File.ReadAllTextAsync(VersionsFile));
    }

    [Fact]
    public async Task Promote_NoReport_Exit2SayingWhatToRun()
    {
        await File.WriteAllTextAsync(VersionsFile, ExiValidationsFixture.Versions);
        var empty = Path.Combine(_dir.Path, "empty");

        var result = await Sdc("processors", "promote", "exi", "1.0.0", "--versions", VersionsFile, "--data", empty);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"No validation report for exi 1.0.0 at {ReportPath(empty)}; run `sdc processors validate exi` first.", Flat(result.Stderr), StringComparison.Ordinal);
        Assert.Equal(ExiValidationsFixture.Versions, await File.ReadAllTextAsync(VersionsFile));
    }

    [Fact]
    public async Task Promote_VersionStagingDoesNotRun_Exit2()
    {
        await File.WriteAllTextAsync(VersionsFile, ExiValidationsFixture.Versions);

        var result = await Sdc("processors", "promote", "exi", "1.1.0", "--versions", VersionsFile, "--data", validations.PassingData);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("staging runs exi 1.0.0, not 1.1.0", Flat(result.Stderr), StringComparison.Ordinal);
        Assert.Equal(ExiValidationsFixture.Versions, await File.ReadAllTextAsync(VersionsFile));
    }

    [Fact]
    public async Task Promote_StagingDigestChangedSinceValidation_Exit2()
    {
        await File.WriteAllTextAsync(VersionsFile, ExiValidationsFixture.Versions.Replace(ExiValidationsFixture.StagingDigest, "sha256:" + new string('c', 64), StringComparison.Ordinal));

        var result = await Sdc("processors", "promote", "exi", "1.0.0", "--versions", VersionsFile, "--data", validations.PassingData);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("but staging now names exi 1.0.0 (sha256:cccc", Flat(result.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_UnknownInstrument_Exit2ListingTheKnownOnes()
    {
        await File.WriteAllTextAsync(VersionsFile, ExiValidationsFixture.Versions);

        var result = await Sdc("processors", "promote", "xyz", "1.0.0", "--versions", VersionsFile, "--data", validations.PassingData);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("has no instrument 'xyz' (it has exi, emr).", Flat(result.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_StagingWithAPassingReport_ShowsBothStagesAndTheValidation()
    {
        await File.WriteAllTextAsync(VersionsFile, ExiValidationsFixture.Versions);

        var result = await Sdc("processors", "list", "--versions", VersionsFile, "--data", validations.PassingData);
        var failed = await Sdc("processors", "list", "--versions", VersionsFile, "--data", validations.FailingData);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"│ exi +│ production │ exi +│ 1\.0\.0 +│ sdc/exi-processor:1\.0\.0 +│ sha256:a{64} +│", result.Stdout);
        Assert.Matches(@"│ +│ staging +│ exi +│ 1\.0\.0 +│ sdc/exi-processor:1\.0\.0 +│ sha256:b{64} +│ passed \d{4}-\d\d-\d\d \d\d:\d\dZ", result.Stdout);
        Assert.Matches(@"│ emr +│ production │ emr +│ 1\.0\.0 +│ sdc/emr-processor:1\.0\.0 +│ - +│", result.Stdout);
        Assert.Matches(@"│ staging +│ .* failed \d{4}-", failed.Stdout);
    }

    [Fact]
    public async Task Validate_SameCommandForTwoVersions_Exit2AskingForABaselineCommand()
    {
        await File.WriteAllTextAsync(VersionsFile, ExiValidationsFixture.Versions.Replace(
            "\"staging\": { \"name\": \"exi\", \"version\": \"1.0.0\"", "\"staging\": { \"name\": \"exi\", \"version\": \"1.1.0\"", StringComparison.Ordinal));

        var result = await Sdc("processors", "validate", "exi", "--versions", VersionsFile, "--data", Path.Combine(_dir.Path, "d"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Staging runs exi 1.1.0 and production exi 1.0.0, but both would run as", Flat(result.Stderr), StringComparison.Ordinal);
        Assert.Contains($"--baseline \"docker run --rm -e SDC_JOB -v <work>:<work> sdc/exi-processor@{ExiValidationsFixture.ProductionDigest}\"", Flat(result.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_UnknownInstrument_Exit2()
    {
        await File.WriteAllTextAsync(VersionsFile, ExiValidationsFixture.Versions);

        var result = await Sdc("processors", "validate", "sc", "--versions", VersionsFile, "--data", Path.Combine(_dir.Path, "d"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("No processor 'sc'", Flat(result.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MalformedVersionsFile_Exit2NamingTheField()
    {
        await File.WriteAllTextAsync(VersionsFile, ExiValidationsFixture.Versions.Replace(ExiValidationsFixture.StagingDigest, "sha256:nothex", StringComparison.Ordinal));

        var result = await Sdc("processors", "validate", "exi", "--versions", VersionsFile, "--data", Path.Combine(_dir.Path, "d"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{VersionsFile}: exi.staging.digest: 'sha256:nothex'; expected \"sha256:\" and 64 lower-case hex digits", Flat(result.Stderr), StringComparison.Ordinal);
    }

    private Task<SdcResult> Sdc(params string[] args) => SdcProcess.RunAsync(_dir.Path, null, args);

    // Messages longer than the (redirected) console's 200 columns come wrapped at a space.
    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @" ?\r?\n", " ");

    private static string ReportPath(string data) => Path.Combine(data, "buckets", "archive", "validation", "exi", "1.0.0.json");

    private static JsonObject Report(string data) => JsonNode.Parse(File.ReadAllText(ReportPath(data)))!.AsObject();
}
