using System.Globalization;
using Sdc.Promotion.Reports;
using Spectre.Console;

namespace Sdc.Cli.Commands;

/// <summary>What `sdc processors validate` prints: the jobs, each product's result with its largest differences and first problems, then the verdict and where the report is.</summary>
internal static class ValidationSummaryView
{
    /// <summary>Differences shown per product; the report has them all.</summary>
    private const int ShownDifferences = 3;

    public static void Render(ValidationReport report, string location)
    {
        var runs = new Table().Title("Jobs").AddColumns("role", "job", "step", "inputs", "exit", "status", "products", "warnings", "seconds");
        foreach (var run in report.Runs)
        {
            runs.AddRow(run.Role, Markup.Escape(run.Job), Markup.Escape(run.Step), Number(run.Inputs), run.ExitCode is { } code ? Number(code) : "-",
                run.Succeeded ? "[green]OK[/]" : $"[red]{Markup.Escape(run.Status)}[/]", Number(run.Products), Number(run.Warnings),
                run.Seconds.ToString("0.0", CultureInfo.InvariantCulture));
        }
        Terminal.Out.Write(runs);

        if (report.Products.Count > 0)
        {
            var products = new Table().Title("Products (candidate against baseline)").AddColumns("product", "result", "max |difference|", "max relative", "differences");
            foreach (var product in report.Products)
            {
                var result = product.Result switch
                {
                    ProductResults.Match => product.Identical ? "[green]match[/] (identical)" : "[green]match[/]",
                    var other => $"[red]{other}[/]",
                };
                var shown = product.Differences.Take(ShownDifferences).Select(d => d.ToString()).ToList();
                if (product.Differences.Count > ShownDifferences)
                {
                    shown.Add($"… and {product.Differences.Count - ShownDifferences} more (see the report)");
                }
                products.AddRow(Markup.Escape(product.Product), result, Real(product.MaxAbsoluteDifference), Real(product.MaxRelativeDifference),
                    Markup.Escape(string.Join("\n", shown)));
            }
            Terminal.Out.Write(products);
        }

        var s = report.Summary;
        Terminal.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{s.Products} product(s): {s.Matching} matching ({s.Identical} identical), {s.Differing} differing, {s.Missing} missing, {s.Extra} extra; " +
            $"largest differences {s.MaxAbsoluteDifference:G6} absolute, {s.MaxRelativeDifference:G6} relative; reference sha256 {report.Reference.Sha256}")));
        foreach (var problem in report.Problems)
        {
            Terminal.Out.MarkupLine($"[red]-[/] {Markup.Escape(problem)}");
        }
        var verdict = report.Passed ? "[green]PASSED[/]" : "[red]FAILED[/]";
        Terminal.Out.MarkupLine($"{verdict} {Markup.Escape($"{report.Instrument} {report.Candidate.Version} against {report.Baseline.Version}; report: {location}")}");
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Real(double value) => value == 0 ? "0" : value.ToString("G4", CultureInfo.InvariantCulture);
}
