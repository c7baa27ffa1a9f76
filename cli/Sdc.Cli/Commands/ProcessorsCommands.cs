using System.CommandLine;
using Sdc.Catalog;
using Sdc.Mission;
using Sdc.Pipeline;
using Sdc.Promotion;
using Sdc.Promotion.Reference;
using Sdc.Promotion.Reports;
using Sdc.Promotion.Runs;
using Sdc.Promotion.Settings;
using Spectre.Console;

namespace Sdc.Cli.Commands;

/// <summary>
/// <c>sdc processors list|validate|promote</c>: an instrument team's new processor goes from
/// staging to production. <c>validate</c> runs the staging (candidate) and production (baseline)
/// processors on the same reference inputs and compares their products, writing the report to the
/// archive; <c>promote</c> moves staging's release to production in processors/versions.json,
/// only with a passing report for exactly that release.
/// </summary>
internal static class ProcessorsCommands
{
    public const int ValidationFailed = 4;

    public static Command Create()
    {
        var versions = new Option<string?>("--versions")
        {
            Description = "The versions file (default: processors/versions.json of the checkout sdc runs from)",
            Recursive = true,
        };
        var report = new Option<string?>("--report")
        {
            Description = "Where reports are: a data directory (its archive keeps validation/<instrument>/<version>.json) or a .json file (default: the data directory)",
            Recursive = true,
        };
        return new Command("processors", "Processor releases: staging and production versions, validation, promotion")
        {
            versions, report, List(versions, report), Validate(versions, report), Promote(versions, report),
        };
    }

    private static Command List(Option<string?> versionsOption, Option<string?> reportOption)
    {
        var list = new Command("list", "Each instrument's production and staging release, and whether staging's has passed validation");
        list.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var path = VersionsPath(parse, versionsOption);
            var versions = ProcessorVersions.Load(path);
            var reports = ReportLocation.Resolve(parse.GetValue(reportOption), Data(parse));
            var table = new Table().AddColumns("instrument", "stage", "name", "version", "image", "digest", "validation");
            foreach (var instrument in versions.Instruments)
            {
                var production = versions.For(instrument);
                table.AddRow(Row(instrument, "production", production, ""));
                if (versions.Staging.TryGetValue(instrument, out var staging))
                {
                    table.AddRow(Row("", "staging", staging, await ValidationStateAsync(reports, staging, production, token)));
                }
            }
            Terminal.Out.Write(table);
            Terminal.Out.MarkupLine(Markup.Escape($"from {path}"));
            return 0;
        }, ct));
        return list;
    }

    private static Command Validate(Option<string?> versionsOption, Option<string?> reportOption)
    {
        var instrument = new Argument<string>("instrument") { Description = "The instrument whose staging processor to validate (exi, emr, emu)" };
        var candidate = new Option<string?>("--candidate")
        {
            Description = "Command that runs the staging release, the job in SDC_JOB (default: processors/<instrument>/run of the checkout; " +
                "in CI: docker run --rm -e SDC_JOB -v <work>:<work> <image>@<staging digest>)",
        };
        var baseline = new Option<string?>("--baseline")
        {
            Description = "Command that runs the production release (default: processors/<instrument>/run of the checkout, " +
                "which can only stand for production when staging and production have the same version)",
        };
        var reference = new Option<string?>("--reference")
        {
            Description = "Folder of reference inputs named by mission.yaml (Level 0, housekeeping, kernels, calibration; " +
                "containers need it mounted at the same path) (default: simulated into the work folder, from the window in processors/<instrument>/validation.yaml)",
        };
        var settings = new Option<string?>("--settings")
        {
            Description = "Tolerances and keywords allowed to differ (default: processors/<instrument>/validation.yaml, else built-in defaults)",
        };
        var work = new Option<string?>("--work")
        {
            Description = "Folder for the jobs, their products and logs, kept afterwards (default: under <data>/work/validation/, removed when validation passes)",
        };
        var validate = new Command("validate", "Run the staging and production processors on the same reference inputs, compare their products, write the report")
        {
            instrument, candidate, baseline, reference, settings, work,
        };
        validate.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var name = parse.GetValue(instrument)!;
            var mission = MissionLoader.LoadFile(MissionFile.Resolve(parse.GetValue(GlobalOptions.Mission)));
            var versionsPath = VersionsPath(parse, versionsOption);
            var versions = ProcessorVersions.Load(versionsPath);
            if (!versions.Production.ContainsKey(name) || mission.FindProcessor(name) is null)
            {
                throw new UserError($"No processor '{name}': {versionsPath} has {string.Join(", ", versions.Instruments)}" +
                    $" and mission.yaml {string.Join(", ", mission.Processors.Select(p => p.Instrument))}.");
            }
            var staged = versions.ForStage(ProcessorStage.Staging, name);
            var production = versions.For(name);
            var checkout = Path.Combine(RuntimeHost.RepositoryHome(), "processors", name, "run");
            var candidateCommand = ProcessorCommand.Parse(parse.GetValue(candidate) ?? checkout);
            var baselineCommand = ProcessorCommand.Parse(parse.GetValue(baseline) ?? checkout);
            if (candidateCommand.Text == baselineCommand.Text && staged.Version != production.Version)
            {
                throw new UserError($"Staging runs {name} {staged.Version} and production {name} {production.Version}, but both would run as " +
                    $"'{candidateCommand.Text}', which is one version. Give --baseline a command that runs production, " +
                    $"e.g. --baseline \"docker run --rm -e SDC_JOB -v <work>:<work> {production.ImageReference}\".");
            }
            var settingsPath = parse.GetValue(settings) ?? Path.Combine(Path.GetDirectoryName(checkout)!, ValidationSettingsReader.FileName);
            var tolerances = parse.GetValue(settings) is null ? ValidationSettingsReader.LoadOrDefault(settingsPath) : ValidationSettingsReader.Load(settingsPath);

            var data = Data(parse).Create();
            var keep = parse.GetValue(work) is not null;
            var folder = Path.GetFullPath(parse.GetValue(work)
                ?? Path.Combine(data.Root, "work", "validation", $"{name}-{DateTime.UtcNow:yyyyMMdd'T'HHmmss}-{Environment.ProcessId}"));
            Directory.CreateDirectory(folder);
            var referenceSet = parse.GetValue(reference) is { } given
                ? await ReferenceSet.LoadAsync(mission, given, $"folder: {Path.GetFullPath(given)}", token)
                : await SimulatedReference.CreateAsync(mission, name, tolerances.Reference, Path.Combine(folder, "reference"), token);
            Terminal.Err.MarkupLine(Markup.Escape(
                $"validating {name}: candidate {staged.Name} {staged.Version} ({candidateCommand.Text}) against baseline {production.Name} {production.Version} ({baselineCommand.Text}); " +
                $"reference {referenceSet.Source}, {referenceSet.Files.Count} files; work in {folder}"));

            ValidationReport result;
            await using (var runner = new LocalProcessorRunner(
                new Dictionary<string, ProcessorCommand> { [ValidationRoles.Candidate] = candidateCommand, [ValidationRoles.Baseline] = baselineCommand },
                folder, Environment.ProcessorCount))
            {
                result = await new ProcessorValidation(mission, runner, TimeProvider.System).RunAsync(
                    new ValidationRequest(name, staged, candidateCommand.Text, production, baselineCommand.Text, referenceSet, tolerances, folder), token);
            }
            var reports = ReportLocation.Resolve(parse.GetValue(reportOption), data);
            await reports.SaveAsync(result, token);
            ValidationSummaryView.Render(result, reports.LocationOf(name, staged.Version));
            if (result.Passed && versions.Staging.ContainsKey(name))
            {
                Terminal.Out.MarkupLine(Markup.Escape($"Promote it with: sdc processors promote {name} {staged.Version}"));
            }
            if (result.Passed && !keep)
            {
                Directory.Delete(folder, recursive: true);
            }
            else
            {
                Terminal.Out.MarkupLine(Markup.Escape($"jobs, products and logs kept in {folder}"));
            }
            return result.Passed ? 0 : ValidationFailed;
        }, ct));
        return validate;
    }

    private static Command Promote(Option<string?> versionsOption, Option<string?> reportOption)
    {
        var instrument = new Argument<string>("instrument") { Description = "The instrument whose staging release becomes production's" };
        var version = new Argument<string>("version") { Description = "The version staging runs (as versions.json names it), e.g. 1.1.0" };
        var promote = new Command("promote", "Move a validated staging release to production in versions.json (refused without a passing validation report for it)")
        {
            instrument, version,
        };
        promote.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var path = VersionsPath(parse, versionsOption);
            var reports = ReportLocation.Resolve(parse.GetValue(reportOption), Data(parse));
            PromotionResult promoted;
            try
            {
                promoted = await new ProcessorPromotion(reports).PromoteAsync(path, parse.GetValue(instrument)!, parse.GetValue(version)!, token);
            }
            catch (PromotionRefusedException e)
            {
                throw new UserError($"Not promoted: {e.Message}");
            }
            var (before, after) = (promoted.Previous, promoted.Promoted);
            Terminal.Out.MarkupLine(Markup.Escape($"Promoted {promoted.Instrument} in {path}:"));
            Terminal.Out.MarkupLine(Markup.Escape($"  production: {before.Name} {before.Version} {before.ImageReference}"));
            Terminal.Out.MarkupLine(Markup.Escape($"          -> {after.Name} {after.Version} {after.ImageReference}"));
            Terminal.Out.MarkupLine(Markup.Escape($"  staging entry removed (staging runs production's release until the next candidate)."));
            Terminal.Out.MarkupLine(Markup.Escape($"  validated by {promoted.ReportLocation} ({promoted.Report.Summary.Matching} of {promoted.Report.Summary.Products} products matching)."));
            // Job identities include the processor version: nothing planned before is reused.
            Terminal.Out.MarkupLine(Markup.Escape(
                $"Jobs planned from now on carry {after.Name} {after.Version} and are new jobs: the next runs process {promoted.Instrument} with it, " +
                $"and `sdc reprocess --instrument {promoted.Instrument} --from <date> --to <date>` (POST /v1/reprocess on AWS) reprocesses earlier data with it " +
                "as new product versions on the low-priority queue. Commit versions.json and deploy production for AWS to run it."));
            return 0;
        }, ct));
        return promote;
    }

    private static async Task<string> ValidationStateAsync(IValidationReports reports, ProcessorRelease staging, ProcessorRelease production, CancellationToken cancellationToken)
    {
        ValidationReport? report;
        try
        {
            report = await reports.FindAsync(staging.Instrument, staging.Version, cancellationToken);
        }
        catch (FormatException)
        {
            return "unreadable report";
        }
        // A --report file holds one report, whichever release it is for.
        if (report is null || report.Instrument != staging.Instrument || report.Candidate.Version != staging.Version)
        {
            return "not validated";
        }
        var when = report.FinishedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var current = report.Candidate.Digest == staging.Digest && report.Candidate.Name == staging.Name
            && report.Baseline.Version == production.Version && report.Baseline.Digest == production.Digest;
        return !current ? $"outdated report ({when})" : report.Passed ? $"passed {when}" : $"failed {when}";
    }

    private static string[] Row(string instrument, string stage, ProcessorRelease release, string validation) =>
        [Markup.Escape(instrument), stage, Markup.Escape(release.Name), Markup.Escape(release.Version), Markup.Escape(release.Image),
            Markup.Escape(release.Digest ?? "-"), Markup.Escape(validation)];

    private static string VersionsPath(ParseResult parse, Option<string?> option) =>
        Path.GetFullPath(parse.GetValue(option) ?? Path.Combine(RuntimeHost.RepositoryHome(), "processors", ProcessorVersions.FileName));

    private static DataDirectory Data(ParseResult parse) => DataDirectory.Resolve(parse.GetValue(GlobalOptions.Data));
}
