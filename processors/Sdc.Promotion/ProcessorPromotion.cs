using System.Globalization;
using Sdc.Pipeline;
using Sdc.Promotion.Reports;

namespace Sdc.Promotion;

/// <summary>
/// Moves an instrument's staging release to production in <c>processors/versions.json</c>, but only
/// when the validation report for that instrument and version is in the archive, passed, validated
/// exactly the release staging names (name, version and image digest), and compared it with the
/// release production still runs. Otherwise it refuses, saying what to run, and changes nothing.
/// The file is rewritten atomically with the other instruments untouched.
/// </summary>
public sealed class ProcessorPromotion(IValidationReports reports)
{
    public async Task<PromotionResult> PromoteAsync(string versionsPath, string instrument, string version, CancellationToken cancellationToken)
    {
        var versions = ProcessorVersions.Load(versionsPath);
        if (!versions.Production.TryGetValue(instrument, out var production))
        {
            throw new PromotionRefusedException(
                $"{versionsPath} has no instrument '{instrument}' (it has {string.Join(", ", versions.Instruments)}).");
        }
        if (!versions.Staging.TryGetValue(instrument, out var staging))
        {
            throw new PromotionRefusedException(
                $"{versionsPath}: {instrument} has no staging release to promote (production runs {Describe(production)}). " +
                $"Set {instrument}.staging to the pushed image ({{\"name\", \"version\", \"image\", \"digest\"}}), deploy staging, then run `sdc processors validate {instrument}`.");
        }
        if (staging.Version != version)
        {
            throw new PromotionRefusedException(
                $"{versionsPath}: staging runs {instrument} {staging.Version}, not {version}; promote {staging.Version}, or set {instrument}.staging to {version} and validate it first.");
        }
        var location = reports.LocationOf(instrument, version);
        var report = await reports.FindAsync(instrument, version, cancellationToken)
            ?? throw new PromotionRefusedException(
                $"No validation report for {instrument} {version} at {location}; run `sdc processors validate {instrument}` first.");
        if (report.Instrument != instrument || report.Candidate.Version != version)
        {
            throw new PromotionRefusedException(
                $"{location} is the report for {report.Instrument} {report.Candidate.Version}, not {instrument} {version}; run `sdc processors validate {instrument}`.");
        }
        if (!report.Passed)
        {
            var reasons = report.Problems.Count == 0 ? "" : " " + string.Join(" ", report.Problems.Take(3));
            throw new PromotionRefusedException(
                $"The validation of {instrument} {version} ({report.FinishedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}, {location}) failed:{reasons} " +
                $"Fix the candidate, push it, set {instrument}.staging to the new image and run `sdc processors validate {instrument}` again.");
        }
        if (!Same(report.Candidate, staging))
        {
            throw new PromotionRefusedException(
                $"{location} validated {Describe(report.Candidate)}, but staging now names {Describe(staging)}; run `sdc processors validate {instrument}` for the release staging names.");
        }
        if (!Same(report.Baseline, production))
        {
            throw new PromotionRefusedException(
                $"{location} compared {instrument} {version} with {Describe(report.Baseline)}, but production now runs {Describe(production)}; run `sdc processors validate {instrument}` against it.");
        }

        versions.Promote(instrument).Save(versionsPath);
        return new PromotionResult(instrument, production, staging, report, location);
    }

    private static bool Same(ReleaseUnderTest tested, ProcessorRelease release) =>
        tested.Name == release.Name && tested.Version == release.Version && tested.Digest == release.Digest;

    private static string Describe(ProcessorRelease release) => Describe(release.Name, release.Version, release.Digest);

    private static string Describe(ReleaseUnderTest release) => Describe(release.Name, release.Version, release.Digest);

    private static string Describe(string name, string version, string? digest) => $"{name} {version} ({digest ?? "no digest"})";
}
