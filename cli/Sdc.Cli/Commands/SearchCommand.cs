using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Sdc.Cli.Remote;
using Spectre.Console;

namespace Sdc.Cli.Commands;

/// <summary><c>sdc search</c>: products of the SDC you signed in to, as a table or JSON.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var limit = new Option<int>("--limit") { Description = "Products per page (1–1000)", DefaultValueFactory = _ => 100 };
        var all = new Option<bool>("--all") { Description = "Every page, not only the first" };
        var cursor = new Option<string?>("--cursor") { Description = "Continue after a previous page (its nextCursor)" };
        var json = new Option<bool>("--json") { Description = "Print the API's JSON (one object per page) instead of a table" };
        var command = new Command("search", "Search products (signed in with `sdc login`)") { RemoteOptions.Endpoint, limit, all, cursor, json };
        foreach (var option in RemoteOptions.Query)
        {
            command.Add(option);
        }
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            using var http = new HttpClient();
            var api = SdcApiClient.Open(http, CredentialStore.ForCurrentUser(), parse.GetValue(RemoteOptions.Endpoint));
            var table = new Table().AddColumns("id", "name", "version", "start (UTC)", "MB", "sha256");
            var shown = 0;
            string? next = parse.GetValue(cursor);
            do
            {
                var page = await api.GetJsonAsync("v1/products" + SdcApiClient.Query(
                    [.. RemoteOptions.QueryParameters(parse), ("limit", parse.GetValue(limit).ToString(CultureInfo.InvariantCulture)), ("cursor", next)]), token);
                next = page["nextCursor"]?.GetValue<string>();
                if (parse.GetValue(json))
                {
                    Console.Out.WriteLine(page.ToJsonString());
                }
                foreach (var product in page["products"]!.AsArray().OfType<JsonObject>())
                {
                    shown++;
                    table.AddRow(Text(product["id"]), Markup.Escape(Text(product["name"])), Text(product["version"]), Text(product["startTime"]),
                        ((double)product["sizeBytes"]! / 1e6).ToString("0.00", CultureInfo.InvariantCulture), Text(product["sha256"])[..12] + "…");
                }
            }
            while (next is not null && parse.GetValue(all));

            if (!parse.GetValue(json))
            {
                Terminal.Out.Write(table);
                Terminal.Out.MarkupLine(Markup.Escape(next is null
                    ? $"{shown} product(s)."
                    : $"{shown} product(s) shown; more with --all, or --cursor {next}"));
            }
            return 0;
        }, ct));
        return command;
    }

    private static string Text(JsonNode? node) => node?.ToString() ?? "";
}
