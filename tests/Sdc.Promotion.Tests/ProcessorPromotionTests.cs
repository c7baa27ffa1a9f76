using Sdc.Pipeline;
using Sdc.Promotion.Reports;
using Sdc.Promotion.Settings;
using Sdc.Promotion.Tests.Support;
using Sdc.Storage.FileSystem;

namespace Sdc.Promotion.Tests;

/// <summary>The promotion gate over a real versions.json and the file-system archive.</summary>
public sealed class ProcessorPromotionTests : IDisposable
{
    private static readonly string ProductionDigest = "sha256:" + new string('a', 64);
    private static readonly string StagingDigest = "sha256:" + new string('b', 64);
    private static readonly string Versions = $$"""
        {
          "exi": {
            "production": { "name": "exi", "version": "1.0.0", "image": "sdc/exi-processor:1.0.0", "digest": "{{ProductionDigest}}" },
            "staging": { "name": "exi", "version": "1.1.0", "image": "sdc/exi-processor:1.1.0", "digest": "{{StagingDigest}}" }
          },
          "emr": {
            "production": { "name": "emr", "version": "1.0.0", "image": "sdc/emr-processor:1.0.0" }
          }
        }

        """;

    private readonly TempFolder _temp = new();
    private readonly ArchiveValidationReports _reports;
    private readonly string _versions;

    public ProcessorPromotionTests()
    {
        _reports = new ArchiveValidationReports(new FileSystemObjectStore(new FileSystemObjectStoreOptions { RootPath = _temp.Folder("buckets") }));
        _versions = _temp.File("versions.json");
        File.WriteAllText(_versions, Versions);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task PromoteAsync_PassingReportForStagingsRelease_MovesItToProductionOnly()
    {
        await _reports.SaveAsync(Report(passed: true), CancellationToken.None);

        var result = await new ProcessorPromotion(_reports).PromoteAsync(_versions, "exi", "1.1.0", CancellationToken.None);

        Assert.Equal(("1.0.0", "1.1.0"), (result.Previous.Version, result.Promoted.Version));
        Assert.Equal("archive:validation/exi/1.1.0.json", result.ReportLocation);
        Assert.Equal($$"""
            {
              "exi": {
                "production": { "name": "exi", "version": "1.1.0", "image": "sdc/exi-processor:1.1.0", "digest": "{{StagingDigest}}" }
              },
              "emr": {
                "production": { "name": "emr", "version": "1.0.0", "image": "sdc/emr-processor:1.0.0" }
              }
            }

            """, File.ReadAllText(_versions));
        Assert.Equal(["versions.json"], Directory.GetFiles(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task PromoteAsync_NoReport_RefusedSayingWhatToRun()
    {
        var error = await RefusedAsync("exi", "1.1.0");

        Assert.Equal("No validation report for exi 1.1.0 at archive:validation/exi/1.1.0.json; run `sdc processors validate exi` first.", error.Message);
    }

    [Fact]
    public async Task PromoteAsync_FailedReport_RefusedWithItsProblems()
    {
        await _reports.SaveAsync(Report(passed: false), CancellationToken.None);

        var error = await RefusedAsync("exi", "1.1.0");

        Assert.Contains("The validation of exi 1.1.0 (2021-06-01 12:00:00Z, archive:validation/exi/1.1.0.json) failed: 3 products differ beyond the tolerances.", error.Message,
            StringComparison.Ordinal);
        Assert.Contains("run `sdc processors validate exi` again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromoteAsync_VersionOtherThanStagings_Refused()
    {
        await _reports.SaveAsync(Report(passed: true), CancellationToken.None);

        var error = await RefusedAsync("exi", "1.2.0");

        Assert.EndsWith("staging runs exi 1.1.0, not 1.2.0; promote 1.1.0, or set exi.staging to 1.2.0 and validate it first.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromoteAsync_ReportForAnotherDigest_RefusedAsStagingChangedSince()
    {
        await _reports.SaveAsync(Report(passed: true) with { Candidate = Candidate with { Digest = "sha256:" + new string('c', 64) } }, CancellationToken.None);

        var error = await RefusedAsync("exi", "1.1.0");

        Assert.Contains($"validated exi 1.1.0 (sha256:cccc", error.Message, StringComparison.Ordinal);
        Assert.Contains($"but staging now names exi 1.1.0 ({StagingDigest})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromoteAsync_ReportAgainstAnOlderProduction_Refused()
    {
        await _reports.SaveAsync(Report(passed: true) with { Baseline = Baseline with { Version = "0.9.0", Digest = null } }, CancellationToken.None);

        var error = await RefusedAsync("exi", "1.1.0");

        Assert.Contains($"compared exi 1.1.0 with exi 0.9.0 (no digest), but production now runs exi 1.0.0 ({ProductionDigest})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromoteAsync_UnknownInstrument_RefusedListingTheKnownOnes()
    {
        var error = await RefusedAsync("xyz", "1.0.0");

        Assert.EndsWith("has no instrument 'xyz' (it has exi, emr).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromoteAsync_NoStagingRelease_RefusedSayingHowToSetOne()
    {
        var error = await RefusedAsync("emr", "1.0.0");

        Assert.Contains("emr has no staging release to promote (production runs emr 1.0.0 (no digest)). Set emr.staging", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromoteAsync_ReportFileForAnotherRelease_Refused()
    {
        var file = _temp.File("artifact/report.json");
        await new FileValidationReports(file).SaveAsync(Report(passed: true) with { Candidate = Candidate with { Version = "1.0.5" } }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<PromotionRefusedException>(() =>
            new ProcessorPromotion(new FileValidationReports(file)).PromoteAsync(_versions, "exi", "1.1.0", CancellationToken.None));

        Assert.Contains("is the report for exi 1.0.5, not exi 1.1.0", error.Message, StringComparison.Ordinal);
        Assert.Equal(Versions, File.ReadAllText(_versions));
    }

    [Fact]
    public async Task PromoteAsync_UnreadableReport_FormatExceptionNamingIt()
    {
        var store = new FileSystemObjectStore(new FileSystemObjectStoreOptions { RootPath = _temp.Folder("other") });
        await store.PutAsync("archive", "validation/exi/1.1.0.json", new MemoryStream("{\"schema\": 7}"u8.ToArray()));

        var error = await Assert.ThrowsAsync<FormatException>(() =>
            new ProcessorPromotion(new ArchiveValidationReports(store)).PromoteAsync(_versions, "exi", "1.1.0", CancellationToken.None));

        Assert.StartsWith("archive:validation/exi/1.1.0.json: not a validation report", error.Message, StringComparison.Ordinal);
    }

    private async Task<PromotionRefusedException> RefusedAsync(string instrument, string version)
    {
        var error = await Assert.ThrowsAsync<PromotionRefusedException>(() => new ProcessorPromotion(_reports).PromoteAsync(_versions, instrument, version, CancellationToken.None));
        // Refused means untouched.
        Assert.Equal(Versions, File.ReadAllText(_versions));
        return error;
    }

    private static ReleaseUnderTest Candidate => new("exi", "1.1.0", "sdc/exi-processor:1.1.0", StagingDigest, "docker run …");

    private static ReleaseUnderTest Baseline => new("exi", "1.0.0", "sdc/exi-processor:1.0.0", ProductionDigest, "docker run …");

    private static ValidationReport Report(bool passed)
    {
        var at = new DateTimeOffset(2021, 6, 1, 12, 0, 0, TimeSpan.Zero);
        return new ValidationReport(ValidationReport.CurrentSchema, "exi", passed, Candidate, Baseline,
            new ReferenceSummary("test", new string('0', 64), [], []), SettingsSummary.Of(ValidationSettings.Defaults),
            new ReportSummary(30, passed ? 30 : 27, passed ? 0 : 3, 0, 0, 0, 0, 0),
            passed ? [] : ["3 products differ beyond the tolerances."], [], [], at.AddMinutes(-1), at);
    }
}
