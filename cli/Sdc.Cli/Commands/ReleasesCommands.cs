using System.CommandLine;
using System.Globalization;
using Sdc.Api.Releases;
using Spectre.Console;

namespace Sdc.Cli.Commands;

/// <summary>
/// <c>sdc releases create --cutoff … --notes …</c> and <c>sdc releases list</c>: an operator (admin)
/// cutting a public release of this machine's SDC. (On AWS, admins use <c>POST /v1/releases</c>.)
/// </summary>
internal static class ReleasesCommands
{
    public static Command Create()
    {
        var catalogOption = new Option<string?>("--catalog")
        {
            Description = "SQLite file path or PostgreSQL URL (default: $SDC_CATALOG, else <data>/catalog.db)",
            Recursive = true,
        };
        var cutoff = new Option<string>("--cutoff") { Description = "Products whose data start before this UTC date or time are released", Required = true };
        var notes = new Option<string?>("--notes") { Description = "Release notes (shown with the release)" };
        var create = new Command("create", "Release the latest version of every product up to the cutoff: numbered release N, a manifest with checksums, visible on /public/v1")
        {
            cutoff, notes,
        };
        create.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var when = ReprocessCommand.Time(parse.GetValue(cutoff)!, "--cutoff");
            await using var sdc = await LocalSdc.OpenAsync(parse, parse.GetValue(catalogOption), new Ingest.IngestOptions(), token);
            var release = await new ReleasePublisher(sdc.Catalog, sdc.Store, TimeProvider.System).CreateAsync(when, parse.GetValue(notes), token);
            Terminal.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"release {release.Number}: {release.FileCount} product(s) up to {release.Cutoff:u} are public; manifest public:{release.ManifestKey}")));
            return 0;
        }, ct));

        var list = new Command("list", "Releases, newest first");
        list.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            await using var sdc = await LocalSdc.OpenAsync(parse, parse.GetValue(catalogOption), new Ingest.IngestOptions(), token);
            var table = new Table().AddColumns("number", "cutoff (UTC)", "created (UTC)", "files", "manifest", "notes");
            foreach (var release in await sdc.Catalog.Releases.ListAsync(token))
            {
                table.AddRow(release.Number.ToString(CultureInfo.InvariantCulture), release.Cutoff.ToString("u", CultureInfo.InvariantCulture),
                    release.CreatedAt.ToString("u", CultureInfo.InvariantCulture), release.FileCount.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape($"public:{release.ManifestKey}"), Markup.Escape(release.Notes ?? ""));
            }
            Terminal.Out.Write(table);
            return 0;
        }, ct));
        return new Command("releases", "Public releases of the local SDC") { catalogOption, create, list };
    }
}
