using System.CommandLine;
using System.Globalization;
using Sdc.Catalog;
using Spectre.Console;

namespace Sdc.Cli.Commands;

/// <summary><c>sdc catalog migrate</c> and <c>sdc catalog stats</c>, on SQLite or PostgreSQL.</summary>
internal static class CatalogCommands
{
    private static readonly Option<string?> CatalogOption = new("--catalog")
    {
        Description = "SQLite file path or PostgreSQL URL (postgres://user@host:port/db) (default: $SDC_CATALOG, else <data>/catalog.db)",
        Recursive = true,
    };

    public static Command Create()
    {
        var catalog = new Command("catalog", "Create, upgrade and inspect the catalog") { CatalogOption };
        catalog.Add(Migrate());
        catalog.Add(Stats());
        return catalog;
    }

    private static Command Migrate()
    {
        var migrate = new Command("migrate", "Apply the schema migrations the catalog lacks (a no-op when it is current)");
        migrate.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var spec = CatalogLocation.Resolve(parse.GetValue(CatalogOption), DataDirectory.Resolve(parse.GetValue(GlobalOptions.Data)));
            await using var catalog = await CatalogFactory.OpenAsync(spec, token);
            var applied = await catalog.MigrateAsync(token);
            var all = await catalog.GetAppliedMigrationsAsync(token);
            var version = all.Count == 0 ? 0 : all.Max(m => m.Version);
            if (applied.Count == 0)
            {
                Terminal.Out.MarkupLine($"Catalog {Markup.Escape(CatalogLocation.Describe(spec))} ({catalog.Engine}) is up to date at schema version {version}; nothing applied.");
                return 0;
            }
            var table = new Table().AddColumns("version", "migration", "applied at (UTC)");
            foreach (var m in applied)
            {
                table.AddRow(m.Version.ToString(CultureInfo.InvariantCulture), Markup.Escape(m.Name), m.AppliedAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture));
            }
            Terminal.Out.Write(table);
            Terminal.Out.MarkupLine($"[green]Applied {applied.Count} migration(s)[/] to {Markup.Escape(CatalogLocation.Describe(spec))} ({catalog.Engine}); schema version {version}.");
            return 0;
        }, ct));
        return migrate;
    }

    private static Command Stats()
    {
        var stats = new Command("stats", "Files and bytes per instrument and level");
        stats.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var spec = CatalogLocation.Resolve(parse.GetValue(CatalogOption), DataDirectory.Resolve(parse.GetValue(GlobalOptions.Data)));
            await using var catalog = await CatalogFactory.OpenAsync(spec, token);
            if ((await catalog.GetAppliedMigrationsAsync(token)).Count == 0)
            {
                throw new UserError($"Catalog {CatalogLocation.Describe(spec)} has no schema yet; run `sdc catalog migrate` first.");
            }
            var result = await catalog.GetStatsAsync(token);
            var table = new Table().AddColumns("instrument", "level", "files (all versions)", "latest", "bytes");
            foreach (var v in result.Volumes)
            {
                table.AddRow(v.Instrument ?? "-", v.Level ?? "-", N(v.Files), N(v.LatestFiles), Bytes(v.Bytes));
            }
            table.AddRow("[bold]total[/]", "", $"[bold]{N(result.TotalFiles)}[/]", "", $"[bold]{Bytes(result.TotalBytes)}[/]");
            Terminal.Out.Write(table);
            Terminal.Out.MarkupLine($"{Markup.Escape(CatalogLocation.Describe(spec))} ({result.Engine}), schema version {result.SchemaVersion}");
            return 0;
        }, ct));
        return stats;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.0} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.0} MiB",
        >= 1L << 10 => $"{bytes / 1024.0:0.0} KiB",
        _ => $"{bytes} B",
    };
}
