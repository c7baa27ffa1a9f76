using System.CommandLine;
using Sdc.Local.Host;

namespace Sdc.Cli;

/// <summary>How `local up` and `demo` serve the portal and API: the port, and who signs users in.</summary>
internal static class ServeOptions
{
    public static readonly Option<int> Port = new("--port")
    {
        Description = "Port on 127.0.0.1 for the portal and API (0: any free port)",
        DefaultValueFactory = _ => LocalHostOptions.DefaultPort,
    };

    public static readonly Option<string?> Issuer = new("--issuer")
    {
        Description = "Trust this Cognito-compatible issuer (e.g. https://cognito-idp.<region>.amazonaws.com/<pool>, or cognito-local's http://127.0.0.1:9229/<pool>) instead of the local one",
    };

    public static readonly Option<string?> ClientId = new("--client-id") { Description = "The outside pool's app client id (with --issuer)" };

    public static readonly Option<string?> AuthEndpoint = new("--auth-endpoint")
    {
        Description = "Where clients sign in to the outside pool (default: the issuer's origin; for Cognito https://cognito-idp.<region>.amazonaws.com/)",
    };

    public static IEnumerable<Option> All => [Port, Issuer, ClientId, AuthEndpoint];

    /// <summary>The chosen port (a free one for 0), checked before anything starts.</summary>
    public static int ResolvePort(ParseResult parse)
    {
        var port = parse.GetValue(Port);
        if (port is < 0 or > 65535)
        {
            throw new UserError($"--port {port}: expected 1 to 65535 (or 0 for any free port).");
        }
        HttpUrl(parse.GetValue(AuthEndpoint), "--auth-endpoint");
        if (HttpUrl(parse.GetValue(Issuer), "--issuer") is not null && string.IsNullOrEmpty(parse.GetValue(ClientId)))
        {
            throw new UserError("--issuer needs --client-id: the app client whose tokens the SDC accepts.");
        }
        try
        {
            return LocalSite.ChoosePort(port);
        }
        catch (IOException e)
        {
            throw new UserError($"--port {port}: {e.Message} Choose another with --port (0 picks a free one).");
        }
    }

    public static LocalSiteOptions Site(ParseResult parse, int port, DataDirectory data) => new()
    {
        Port = port,
        DataRoot = data.Root,
        WebRoot = Path.Combine(RuntimeHost.RepositoryHome(), "web", "dist"),
        ExternalIssuer = HttpUrl(parse.GetValue(Issuer), "--issuer"),
        ExternalClientId = parse.GetValue(ClientId),
        ExternalAuthEndpoint = HttpUrl(parse.GetValue(AuthEndpoint), "--auth-endpoint"),
    };

    /// <summary>An absolute http(s) URL, or a message naming the option.</summary>
    public static Uri? HttpUrl(string? text, string option) =>
        text is null ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url
        : throw new UserError($"{option} '{text}': expected an absolute http(s) URL.");
}
