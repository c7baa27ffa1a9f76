using System.CommandLine;
using System.Net.Http.Headers;
using Sdc.Cli.Remote;
using Spectre.Console;

namespace Sdc.Cli.Commands;

/// <summary>
/// <c>sdc upload &lt;files&gt;</c>: an instrument team's Level 3 products into the SDC. Each name is
/// checked by the API first; the file goes to the URL it returns; the SDC's indexer then checks
/// the FITS file against its name and catalogs it (or quarantines it with the reason).
/// </summary>
internal static class UploadCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Level 3 product files, named by the mission's rules", Arity = ArgumentArity.OneOrMore };
        var command = new Command("upload", "Upload Level 3 products (instrument teams)") { files, RemoteOptions.Endpoint };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var paths = parse.GetValue(files)!;
            foreach (var path in paths.Where(p => !File.Exists(p)))
            {
                throw new UserError($"{path}: no such file.");
            }
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var api = SdcApiClient.Open(http, CredentialStore.ForCurrentUser(), parse.GetValue(RemoteOptions.Endpoint));
            foreach (var path in paths)
            {
                var name = Path.GetFileName(path);
                var target = await api.PostJsonAsync("v1/uploads", new System.Text.Json.Nodes.JsonObject { ["name"] = name }, token);
                await using var content = File.OpenRead(path);
                using var request = new HttpRequestMessage(HttpMethod.Put, new Uri((string)target["url"]!)) { Content = new StreamContent(content) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                using var response = await http.SendAsync(request, token);
                if (!response.IsSuccessStatusCode)
                {
                    throw new UserError($"{name}: upload refused, HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(token)}");
                }
                Terminal.Out.MarkupLine(Markup.Escape($"{name}: uploaded to {target["key"]}; the SDC checks and catalogs it (see `sdc search --level {LevelOf(name)}`)."));
            }
            return 0;
        }, ct));
        return command;
    }

    private static string LevelOf(string name) => name.Split('_') is { Length: > 2 } parts ? parts[2] : "l3";
}
