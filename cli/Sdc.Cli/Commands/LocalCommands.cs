using System.CommandLine;
using Spectre.Console;

namespace Sdc.Cli.Commands;

/// <summary><c>sdc local up</c>: runs the local SDC in the foreground until Ctrl+C.</summary>
internal static class LocalCommands
{
    public static Command Create()
    {
        var catalogOption = new Option<string?>("--catalog") { Description = "SQLite file path or PostgreSQL URL (default: $SDC_CATALOG, else <data>/catalog.db)" };
        var up = new Command("up", "Run the local SDC: files put into the inbox are checked, archived and processed to Level 2; the portal and API are served on 127.0.0.1; until Ctrl+C")
        {
            catalogOption,
        };
        foreach (var option in ServeOptions.All)
        {
            up.Add(option);
        }
        up.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var data = DataDirectory.Resolve(parse.GetValue(GlobalOptions.Data));
            var port = ServeOptions.ResolvePort(parse);
            await using var host = await RuntimeHost.OpenAsync(parse, data, parse.GetValue(catalogOption), token, port);
            host.Runtime.Activity += a => Terminal.Out.MarkupLine(Markup.Escape($"{a.At:HH:mm:ss}  {a.Kind,-9} {a.Subject}  {a.Detail}"));
            await using var site = await host.ServeAsync(ServeOptions.Site(parse, port, data), token);
            Terminal.Out.MarkupLine(Markup.Escape($"Local SDC running on {data.Root}, serving {site.BaseUrl} (API: {site.BaseUrl}v1/, sign-in: {site.AuthEndpoint}). " +
                $"Add users with `sdc users add <name> --group team --data {data.Root}`; deliver with `sdc ingest <files> --data {data.Root}`. " +
                "Ctrl+C stops (safely: work resumes at the next start)."));
            await host.Runtime.RunAsync(token);
            return 0;
        }, ct));
        return new Command("local", "Run the SDC on this machine") { up };
    }
}
