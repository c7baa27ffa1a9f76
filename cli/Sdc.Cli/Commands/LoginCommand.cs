using System.CommandLine;
using System.Text.Json.Nodes;
using Sdc.Cli.Remote;
using Spectre.Console;

namespace Sdc.Cli.Commands;

/// <summary>
/// <c>sdc login</c> / <c>sdc logout</c>: signs in to an SDC (where to sign in is asked of the SDC
/// itself, <c>/public/v1/config</c>: a real Cognito pool on AWS, the local issuer on one machine)
/// and keeps the tokens under the user's home; later commands refresh them as needed.
/// </summary>
internal static class LoginCommand
{
    public static IEnumerable<Command> Create()
    {
        var endpoint = new Option<string>("--endpoint") { Description = "The SDC's API URL, e.g. http://127.0.0.1:8080/ or https://api.sdc.example.org/", Required = true };
        var username = new Option<string>("--username") { Description = "Your user name", Required = true };
        var password = new Option<string?>("--password") { Description = "Your password (asked for when omitted; read from standard input when piped)" };
        var authEndpoint = new Option<string?>("--auth-endpoint") { Description = "Sign in here instead of where the SDC says (a Cognito endpoint)" };
        var clientId = new Option<string?>("--client-id") { Description = "The app client to sign in with instead of the SDC's" };
        var login = new Command("login", "Sign in to an SDC; the token is kept under your home (~/.config/sdc) and refreshed when needed")
        {
            endpoint, username, password, authEndpoint, clientId,
        };
        login.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var api = ServeOptions.HttpUrl(CredentialStore.Normalize(parse.GetValue(endpoint)!), "--endpoint")!;
            using var http = new HttpClient();
            var (signIn, client) = await AuthConfigAsync(http, api, token);
            signIn = ServeOptions.HttpUrl(parse.GetValue(authEndpoint), "--auth-endpoint") ?? signIn;
            client = parse.GetValue(clientId) ?? client;
            var user = parse.GetValue(username)!;
            var secret = parse.GetValue(password) ?? ReadPassword(user);
            var tokens = await new CognitoClient(http).SignInAsync(signIn, client, user, secret, token);
            var credentials = CredentialStore.ForCurrentUser();
            credentials.Save(new SavedLogin
            {
                Endpoint = api.AbsoluteUri,
                AuthEndpoint = signIn.AbsoluteUri,
                ClientId = client,
                Username = user,
                IdToken = tokens.IdToken,
                RefreshToken = tokens.RefreshToken,
                ExpiresAt = DateTimeOffset.UtcNow + tokens.ExpiresIn,
            });
            var me = await SdcApiClient.Open(http, credentials, api.AbsoluteUri).GetJsonAsync("v1/me", token);
            var groups = me["groups"]!.AsArray().Select(g => (string)g!).ToList();
            Terminal.Out.MarkupLine(Markup.Escape($"Signed in to {api} as {user} (groups: {(groups.Count == 0 ? "none" : string.Join(", ", groups))}); " +
                $"token kept in {credentials.Path}."));
            return 0;
        }, ct));

        var logoutEndpoint = new Option<string?>("--endpoint") { Description = "Which SDC to sign out of (default: the last one)" };
        var logout = new Command("logout", "Forget the kept sign-in of an SDC") { logoutEndpoint };
        logout.SetAction((parse, ct) => CommandRunner.RunAsync(token =>
        {
            var removed = CredentialStore.ForCurrentUser().Remove(parse.GetValue(logoutEndpoint));
            Terminal.Out.MarkupLine(removed ? "Signed out." : "Not signed in there.");
            return Task.FromResult(0);
        }, ct));
        return [login, logout];
    }

    /// <summary>Where the SDC's users sign in, from its public configuration.</summary>
    private static async Task<(Uri Endpoint, string ClientId)> AuthConfigAsync(HttpClient http, Uri api, CancellationToken cancellationToken)
    {
        JsonNode? config;
        try
        {
            config = JsonNode.Parse(await http.GetStringAsync(new Uri(api, "public/v1/config"), cancellationToken));
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException)
        {
            throw new UserError($"{api} does not answer like an SDC (GET public/v1/config: {e.Message}); check --endpoint.");
        }
        var endpoint = config?["auth"]?["endpoint"]?.GetValue<string>();
        var client = config?["auth"]?["clientId"]?.GetValue<string>();
        if (endpoint is null || client is null)
        {
            throw new UserError($"{api} does not say where to sign in; give --auth-endpoint and --client-id.");
        }
        return (new Uri(endpoint), client);
    }

    private static string ReadPassword(string user)
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? throw new UserError("No --password given and standard input is empty.");
        }
        return Terminal.Err.Prompt(new TextPrompt<string>($"Password for {Markup.Escape(user)}:").Secret());
    }
}
