using System.Globalization;
using Sdc.Pipeline;
using Sdc.Promotion.Comparison;
using Sdc.Promotion.Reports;
using Sdc.Promotion.Runs;

namespace Sdc.Promotion;

/// <summary>
/// Validates a candidate processor against the baseline: both run the same jobs on the same
/// reference set (<see cref="ProcessingChain"/>, at the same time), then their products are
/// compared (<see cref="ProductSetComparer"/>). It passes when every job of both succeeded and
/// every product matches; the report says what ran, on what, under which tolerances, and every
/// difference found.
/// </summary>
public sealed class ProcessorValidation(Mission.Mission mission, IProcessorRunner runner, TimeProvider clock)
{
    public async Task<ValidationReport> RunAsync(ValidationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = clock.GetUtcNow();
        var processor = mission.FindProcessor(request.Instrument)
            ?? throw new ArgumentException($"mission.yaml has no processor for '{request.Instrument}' (it has {string.Join(", ", mission.Processors.Select(p => p.Instrument))}).");
        var planner = new ValidationJobPlanner(processor, request.Reference);
        if (planner.FirstStage().Count == 0)
        {
            throw new ArgumentException(
                $"Reference set {request.Reference.Folder} has no Level 0 file of {request.Instrument} (named like {mission.Id}_{request.Instrument}_l0_…); nothing to run.");
        }
        // Both processors stamp the same creation time (to the second, as products carry it).
        var creation = DateTimeOffset.FromUnixTimeSeconds(started.ToUnixTimeSeconds());
        var chain = new ProcessingChain(runner, planner, processor);
        var chains = await Task.WhenAll(
            chain.RunAsync(ValidationRoles.Candidate, request.Candidate, Path.Combine(request.WorkFolder, ValidationRoles.Candidate), creation, cancellationToken),
            chain.RunAsync(ValidationRoles.Baseline, request.Baseline, Path.Combine(request.WorkFolder, ValidationRoles.Baseline), creation, cancellationToken));
        var (candidate, baseline) = (chains[0], chains[1]);

        var problems = new List<string>();
        foreach (var failed in candidate.Runs.Concat(baseline.Runs).Where(r => !r.Succeeded))
        {
            problems.Add($"The {failed.Role}'s job {failed.Job} ({failed.Step}) failed: {failed.Status}" +
                (failed.Messages.Count > 0 ? $"; {failed.Messages[0]}" : "") + $" (log: {failed.Log}).");
        }
        // Products of a chain that stopped part-way would show as missing for reasons already given.
        IReadOnlyList<ProductResult> products = candidate.Completed && baseline.Completed
            ? new ProductSetComparer(mission, request.Settings).Compare(candidate.Products, baseline.Products)
            : [];
        var summary = Summarize(products);
        if (candidate.Completed && baseline.Completed && summary.Products == 0)
        {
            problems.Add("Neither processor made any product from the reference set: there is nothing to compare.");
        }
        if (summary.Differing > 0)
        {
            problems.Add(Count(summary.Differing, "product differs", "products differ") + " beyond the tolerances.");
        }
        if (summary.Missing > 0)
        {
            problems.Add(Count(summary.Missing, "product made by the baseline is", "products made by the baseline are") + " missing from the candidate's output.");
        }
        if (summary.Extra > 0)
        {
            problems.Add(Count(summary.Extra, "product made by the candidate is", "products made by the candidate are") + " not made by the baseline.");
        }

        return new ValidationReport(
            ValidationReport.CurrentSchema,
            request.Instrument,
            problems.Count == 0,
            Release(request.Candidate, request.CandidateCommand),
            Release(request.Baseline, request.BaselineCommand),
            new ReferenceSummary(request.Reference.Source, request.Reference.Sha256,
                [.. request.Reference.Files.Select(f => new ReferenceEntry(f.Name, f.Size, f.Sha256))], request.Reference.Ignored),
            SettingsSummary.Of(request.Settings),
            summary,
            problems,
            [.. candidate.Runs, .. baseline.Runs],
            products,
            started,
            clock.GetUtcNow());
    }

    private static ReleaseUnderTest Release(ProcessorRelease release, string command) =>
        new(release.Name, release.Version, release.Image, release.Digest, command);

    private static ReportSummary Summarize(IReadOnlyList<ProductResult> products) => new(
        products.Count,
        products.Count(p => p.Result == ProductResults.Match),
        products.Count(p => p.Result == ProductResults.Differs),
        products.Count(p => p.Result == ProductResults.Missing),
        products.Count(p => p.Result == ProductResults.Extra),
        products.Count(p => p.Identical),
        products.Count == 0 ? 0 : products.Max(p => p.MaxAbsoluteDifference),
        products.Count == 0 ? 0 : products.Max(p => p.MaxRelativeDifference));

    private static string Count(int n, string one, string many) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);
}
