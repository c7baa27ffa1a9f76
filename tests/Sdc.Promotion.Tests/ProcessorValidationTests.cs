using Sdc.Pipeline;
using Sdc.Promotion.Reference;
using Sdc.Promotion.Reports;
using Sdc.Promotion.Runs;
using Sdc.Promotion.Settings;
using Sdc.Promotion.Tests.Support;

namespace Sdc.Promotion.Tests;

/// <summary>The validation's flow over a fake processor behind the runner port: jobs, chaining, comparison, verdict.</summary>
public sealed class ProcessorValidationTests : IDisposable
{
    private static readonly ProcessorRelease Production = new("exi", "exi", "1.0.0", "sdc/exi-processor:1.0.0", "sha256:" + new string('a', 64));
    private static readonly ProcessorRelease Staging = new("exi", "exi", "1.1.0", "sdc/exi-processor:1.1.0", "sha256:" + new string('b', 64));
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task RunAsync_SameProcessor_PassesEveryProductIdentical()
    {
        var runner = new FakeProcessorRunner();

        var report = await RunAsync(runner, Production with { });

        Assert.True(report.Passed, string.Join("\n", report.Problems));
        Assert.Empty(report.Problems);
        // Two orbits: two Level 0 jobs, then two Level 1 jobs, for each role.
        Assert.Equal(8, report.Runs.Count);
        Assert.All(report.Runs, r => Assert.True(r.Succeeded));
        // Per orbit: 2 L1, then 2 L2 and 2 quicklooks.
        Assert.Equal(new ReportSummary(12, 12, 0, 0, 0, 12, 0, 0), report.Summary);
        Assert.All(report.Products, p => Assert.Equal(ProductResults.Match, p.Result));
    }

    [Fact]
    public async Task RunAsync_NewVersion_JobsCarryEachReleaseAndTheSameEverythingElse()
    {
        var runner = new FakeProcessorRunner();

        var report = await RunAsync(runner, Staging);

        var jobs = runner.Jobs.ToList();
        var candidate = jobs.Where(j => j.Request.Role == ValidationRoles.Candidate).Select(j => j.Job).OrderBy(j => j["jobId"]!.GetValue<string>()).ToList();
        var baseline = jobs.Where(j => j.Request.Role == ValidationRoles.Baseline).Select(j => j.Job).OrderBy(j => j["jobId"]!.GetValue<string>()).ToList();
        Assert.All(candidate, j => Assert.Equal("1.1.0", j["processor"]!["version"]!.GetValue<string>()));
        Assert.All(candidate, j => Assert.Equal($"sdc/exi-processor@{Staging.Digest}", j["processor"]!["image"]!.GetValue<string>()));
        Assert.All(baseline, j => Assert.Equal("1.0.0", j["processor"]!["version"]!.GetValue<string>()));
        Assert.Equal(candidate.Select(j => j["jobId"]!.GetValue<string>()), baseline.Select(j => j["jobId"]!.GetValue<string>()));
        Assert.Equal(["validation-l0-0001", "validation-l0-0002", "validation-l1-0001", "validation-l1-0002"], candidate.Select(j => j["jobId"]!.GetValue<string>()));
        Assert.Equal(candidate.Select(j => j["creationTime"]!.GetValue<string>()).Distinct(), baseline.Select(j => j["creationTime"]!.GetValue<string>()).Distinct());
        Assert.All(jobs, j => Assert.Equal(ProcessingChain.ProductVersion, j.Job["productVersion"]!.GetValue<string>()));
        // The jobs are kept beside their products, to run again by hand.
        Assert.True(File.Exists(Path.Combine(_temp.Path, "work", "candidate", "l0-0001", "job.json")));
        Assert.Equal(("1.1.0", Staging.Digest), (report.Candidate.Version, report.Candidate.Digest));
        Assert.Equal(("1.0.0", Production.Digest, "baseline-cmd"), (report.Baseline.Version, report.Baseline.Digest, report.Baseline.Command));
        Assert.True(report.Passed);
    }

    [Fact]
    public async Task RunAsync_CandidateChangesAKeywordOfLevel2_FailsNamingProductHduAndKeyword()
    {
        var runner = new FakeProcessorRunner
        {
            Alter = (role, level, fits) =>
            {
                if (role == ValidationRoles.Candidate && level == "l2")
                {
                    fits.Primary.Header.Set("EXPTIME", 11.0);
                }
            },
        };

        var report = await RunAsync(runner, Staging);

        Assert.False(report.Passed);
        Assert.Equal(["4 products differ beyond the tolerances."], report.Problems);
        var product = report.Products.First(p => p.Result == ProductResults.Differs);
        Assert.Equal("emm_exi_l2_20210224T000000_0001_f220_v01-00.fits", product.Product);
        Assert.Equal(new Difference("HDU 0 (PRIMARY)", "EXPTIME", "11", "10", "values differ beyond relative 0, absolute 0"), Assert.Single(product.Differences));
        Assert.Equal(4, report.Summary.Differing);
        Assert.Equal(8, report.Summary.Matching);
    }

    [Fact]
    public async Task RunAsync_CandidatePixelsOffByMoreThanTheTolerance_FailsWithTheLargestDifference()
    {
        var runner = new FakeProcessorRunner
        {
            Alter = (role, level, fits) =>
            {
                if (role == ValidationRoles.Candidate && level == "l2")
                {
                    fits.Primary.GetPixels<float>()[7] += 0.25f;
                }
            },
        };

        var report = await RunAsync(runner, Staging);

        Assert.False(report.Passed);
        Assert.Equal(0.25, report.Summary.MaxAbsoluteDifference, 6);
        var data = report.Products.First(p => p.Result == ProductResults.Differs).Hdus[0].Data[0];
        Assert.Equal((1L, "pixel [4, 2]"), (data.Outside, data.FirstOutside));
    }

    [Fact]
    public async Task RunAsync_CandidateLevel1JobFails_FailsNamingTheJobAndItsMessage()
    {
        var runner = new FakeProcessorRunner
        {
            Fail = (role, from) => role == ValidationRoles.Candidate && from == "l1"
                ? new ProcessorRunResult(false, 1, "Essential container in task exited (exit code 1)", TimeSpan.FromSeconds(1),
                    [new RunMessage("error", "EXI-E003", "flat field has zeros")], "/logs/x.log")
                : null,
        };

        var report = await RunAsync(runner, Staging);

        Assert.False(report.Passed);
        Assert.Equal(2, report.Problems.Count);
        Assert.StartsWith("The candidate's job candidate-l1-0001 (l1 → l2, ql) failed: Essential container in task exited (exit code 1); EXI-E003: flat field has zeros",
            report.Problems[0], StringComparison.Ordinal);
        Assert.Empty(report.Products);
        Assert.Equal(2, report.Runs.Count(r => !r.Succeeded));
    }

    [Fact]
    public async Task RunAsync_CandidateLeavesAQuicklookOut_FailsWithItMissing()
    {
        var runner = new FakeProcessorRunner { Skip = (role, name) => role == ValidationRoles.Candidate && name.Contains("_ql_20210224T060000", StringComparison.Ordinal) };

        var report = await RunAsync(runner, Staging);

        Assert.False(report.Passed);
        Assert.Equal(["1 product made by the baseline is missing from the candidate's output."], report.Problems);
        Assert.Equal("emm_exi_ql_20210224T060000_0002_f220_v01-00.png", report.Products.Single(p => p.Result == ProductResults.Missing).Product);
    }

    [Fact]
    public async Task RunAsync_ReferenceWithoutTheInstrumentsLevel0_ArgumentException()
    {
        var folder = _temp.Folder("empty-reference");
        File.WriteAllText(Path.Combine(folder, "emm_emr_l0_20210224T000000_0001_sci_v01-00.dat"), "x");
        var reference = await ReferenceSet.LoadAsync(Emm.Mission, folder, "test", CancellationToken.None);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new ProcessorValidation(Emm.Mission, new FakeProcessorRunner(), TimeProvider.System)
            .RunAsync(Request(reference, Staging), CancellationToken.None));

        Assert.Contains("has no Level 0 file of exi (named like emm_exi_l0_…)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Report_RoundTripsThroughJson()
    {
        var report = await RunAsync(new FakeProcessorRunner(), Staging);

        var again = ReportJson.Deserialize(ReportJson.Serialize(report), "test");

        Assert.Equal(report.Summary, again.Summary);
        Assert.Equal(report.Candidate, again.Candidate);
        Assert.Equal(report.Reference.Sha256, again.Reference.Sha256);
        Assert.Equal(report.Products.Select(p => p.Product), again.Products.Select(p => p.Product));
        Assert.Equal(report.StartedAt, again.StartedAt);
    }

    private async Task<ValidationReport> RunAsync(FakeProcessorRunner runner, ProcessorRelease candidate)
    {
        var reference = await ReferenceSet.LoadAsync(Emm.Mission, ReferenceFolder.Create(_temp.Folder("reference")), "test", CancellationToken.None);
        return await new ProcessorValidation(Emm.Mission, runner, TimeProvider.System).RunAsync(Request(reference, candidate), CancellationToken.None);
    }

    private ValidationRequest Request(ReferenceSet reference, ProcessorRelease candidate) =>
        new("exi", candidate, "candidate-cmd", Production, "baseline-cmd", reference, ValidationSettings.Defaults, Path.Combine(_temp.Path, "work"));
}
