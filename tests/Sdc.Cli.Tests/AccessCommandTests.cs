using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sdc.Testing;

namespace Sdc.Cli.Tests;

/// <summary>A demo day's SDC on disk, made once for the scientist-CLI tests (`sdc demo --no-serve`).</summary>
public sealed class DemoSdcFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();

    public string Root => _dir.Path;

    /// <summary>The demo's data directory: catalog, buckets, 72 released products.</summary>
    public string Data => Path.Combine(_dir.Path, "d", "demo");

    public async Task InitializeAsync()
    {
        var result = await SdcProcess.RunAsync(_dir.Path, null, "demo", "--no-serve", "--data", Path.Combine(_dir.Path, "d"));
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _dir.Dispose();
}

/// <summary>
/// The scientist's path end to end, with real processes: `sdc local up` serving a demo day, a user
/// signing in with `sdc login` (against the local issuer, and against cognito-local as the identity
/// provider), searching, downloading and checking what arrived.
/// </summary>
public sealed partial class AccessCommandTests(DemoSdcFixture sdc) : IClassFixture<DemoSdcFixture>
{
    private const string Password = "s3cret-enough";

    [Fact]
    public async Task LocalIssuer_LoginSearchDownload_FilesMatchTheCatalogChecksums()
    {
        using var home = new TempDirectory();
        var env = new Dictionary<string, string> { ["SDC_CONFIG_HOME"] = home.Path };
        var added = await SdcProcess.RunAsync(sdc.Root, null, "users", "add", "ada", "--password", Password, "--group", "itf-exi", "--data", sdc.Data);
        Assert.True(added.ExitCode == 0, added.ToString());
        using var server = await ServerAsync();

        var login = await SdcProcess.RunAsync(sdc.Root, env, "login", "--endpoint", server.Url, "--username", "ada", "--password", Password);
        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Contains("groups: itf-exi", login.Stdout, StringComparison.Ordinal);

        await SearchAndDownloadAsync(env, home.Path, "exi");

        // An instrument team sees its own instrument only: the API's 403 reaches the user as a message.
        var other = await SdcProcess.RunAsync(sdc.Root, env, "search", "--instrument", "emr");
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("HTTP 403", other.Stderr, StringComparison.Ordinal);

        // An expiring token is refreshed with the refresh token, and the new one kept.
        var credentials = Path.Combine(home.Path, "credentials.json");
        var saved = JsonNode.Parse(await File.ReadAllTextAsync(credentials))!;
        var login0 = saved["logins"]!.AsObject().Single().Value!;
        var oldToken = (string)login0["idToken"]!;
        login0["expiresAt"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O");
        await File.WriteAllTextAsync(credentials, saved.ToJsonString());
        var again = await SdcProcess.RunAsync(sdc.Root, env, "search", "--instrument", "exi", "--level", "l1", "--limit", "1");
        Assert.True(again.ExitCode == 0, again.ToString());
        var refreshed = JsonNode.Parse(await File.ReadAllTextAsync(credentials))!["logins"]!.AsObject().Single().Value!;
        Assert.NotEqual(oldToken, (string)refreshed["idToken"]!);
        Assert.True(DateTimeOffset.Parse((string)refreshed["expiresAt"]!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddMinutes(30));

        var wrong = await SdcProcess.RunAsync(sdc.Root, env, "login", "--endpoint", server.Url, "--username", "ada", "--password", "not-the-password");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("NotAuthorizedException", wrong.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CognitoLocal_AsTheIdentityProvider_LoginSearchDownloadWork()
    {
        using var http = new HttpClient();
        var pool = await CognitoLocalPool.CreateAsync(http, CognitoLocalPool.EndpointFromEnvironment(), "sdc-cli-" + Guid.NewGuid().ToString("N")[..8],
            [new CognitoLocalUser("grace", Password, ["team"])], CancellationToken.None);
        using var home = new TempDirectory();
        var env = new Dictionary<string, string> { ["SDC_CONFIG_HOME"] = home.Path };
        using var server = await ServerAsync("--issuer", pool.Issuer, "--client-id", pool.ClientId);

        var login = await SdcProcess.RunAsync(sdc.Root, env, "login", "--endpoint", server.Url, "--username", "grace", "--password", Password);
        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Contains("groups: team", login.Stdout, StringComparison.Ordinal);
        var saved = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(home.Path, "credentials.json")))!["logins"]!.AsObject().Single().Value!;
        Assert.StartsWith(pool.Endpoint.AbsoluteUri.TrimEnd('/'), (string)saved["authEndpoint"]!, StringComparison.Ordinal);

        await SearchAndDownloadAsync(env, home.Path, "emu");
    }

    [Fact]
    public async Task ReleasesCreate_MakesTheNextNumberedRelease_WithItsManifest()
    {
        var created = await SdcProcess.RunAsync(sdc.Root, null, "releases", "create", "--cutoff", "2021-02-25", "--notes", "Whole first day", "--data", sdc.Data);
        Assert.True(created.ExitCode == 0, created.ToString());
        // The demo made release 1 (its first two orbits); this one carries the whole day.
        Assert.Matches(@"release 2: 144 product\(s\) up to 2021-02-25 00:00:00Z are public; manifest public:releases/2/manifest.json", created.Stdout);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(sdc.Data, "buckets", "public", "releases", "2", "manifest.json")))!;
        Assert.Equal(144, manifest["files"]!.AsArray().Count);
        Assert.All(manifest["files"]!.AsArray(), f => Assert.Matches("^[0-9a-f]{64}$", (string)f!["sha256"]!));
        var list = await SdcProcess.RunAsync(sdc.Root, null, "releases", "list", "--data", sdc.Data);
        Assert.Matches(@"│ 2 +│ 2021-02-25 00:00:00Z", list.Stdout);
        Assert.Matches(@"│ 1 +│ 2021-02-24 12:00:00Z", list.Stdout);
        var bad = await SdcProcess.RunAsync(sdc.Root, null, "releases", "create", "--cutoff", "soon", "--data", sdc.Data);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--cutoff 'soon'", bad.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Searches an instrument's Level 2 as JSON, downloads two products, and checks them against the catalog's SHA-256.</summary>
    private async Task SearchAndDownloadAsync(Dictionary<string, string> env, string scratch, string instrument)
    {
        var search = await SdcProcess.RunAsync(sdc.Root, env, "search", "--instrument", instrument, "--level", "l2", "--json", "--limit", "2");
        Assert.True(search.ExitCode == 0, search.ToString());
        var products = JsonNode.Parse(search.Stdout.Split('\n')[0])!["products"]!.AsArray();
        Assert.Equal(2, products.Count);
        var to = Path.Combine(scratch, "downloads");
        var ids = products.Select(p => ((long)p!["id"]!).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var download = await SdcProcess.RunAsync(sdc.Root, env, ["download", .. ids, "--to", to]);
        Assert.True(download.ExitCode == 0, download.ToString());
        Assert.Contains("2 downloaded", download.Stdout, StringComparison.Ordinal);
        foreach (var product in products)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(to, (string)product!["name"]!));
            Assert.Equal((string)product["sha256"]!, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
        var again = await SdcProcess.RunAsync(sdc.Root, env, ["download", .. ids, "--to", to]);
        Assert.Contains("0 downloaded, 2 already present", again.Stdout, StringComparison.Ordinal);

        // An interrupted download resumes from its .part file (a byte-range request for the rest)
        // and ends whole; a .part whose bytes are wrong is caught by the checksum and removed.
        var name = (string)products[0]!["name"]!;
        var whole = await File.ReadAllBytesAsync(Path.Combine(to, name));
        var resumed = Path.Combine(scratch, "resumed");
        Directory.CreateDirectory(resumed);
        await File.WriteAllBytesAsync(Path.Combine(resumed, name + ".part"), whole[..(whole.Length / 3)]);
        var resume = await SdcProcess.RunAsync(sdc.Root, env, ["download", ids[0], "--to", resumed]);
        Assert.True(resume.ExitCode == 0, resume.ToString());
        Assert.Equal(whole, await File.ReadAllBytesAsync(Path.Combine(resumed, name)));
        Assert.False(File.Exists(Path.Combine(resumed, name + ".part")));

        var corrupt = Path.Combine(scratch, "corrupt");
        Directory.CreateDirectory(corrupt);
        var wrong = whole[..(whole.Length / 2)];
        wrong[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(Path.Combine(corrupt, name + ".part"), wrong);
        var refused = await SdcProcess.RunAsync(sdc.Root, env, ["download", ids[0], "--to", corrupt]);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("SHA-256", refused.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(corrupt, name)), "a file that failed its checksum must not get its final name");
        Assert.False(File.Exists(Path.Combine(corrupt, name + ".part")));
    }

    /// <summary>`sdc local up` on the demo's data, on a free port; the URL it prints once it serves.</summary>
    private async Task<RunningServer> ServerAsync(params string[] options)
    {
        var process = SdcProcess.Start(sdc.Root, null, ["local", "up", "--port", "0", "--data", sdc.Data, .. options]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var seen = new List<string>();
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.Add(line);
            if (ServingUrl().Match(line) is { Success: true } match)
            {
                // Keep draining its output so the server never blocks on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
                return new RunningServer(process, match.Groups[1].Value);
            }
        }
        Assert.Fail("sdc local up stopped before serving:\n" + string.Join('\n', seen) + await process.StandardError.ReadToEndAsync());
        return null!;
    }

    [GeneratedRegex(@"serving (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex ServingUrl();

    private sealed record RunningServer(Process Process, string Url) : IDisposable
    {
        public void Dispose()
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
            Process.Dispose();
        }
    }
}
