using Sdc.Catalog;

namespace Sdc.Local.Auth.Tests.Support;

/// <summary>
/// A local issuer as a host would run it: a migrated SQLite catalog and a key file in a fresh
/// folder, the SDC's groups for EMM's instruments, and a clock the test controls.
/// </summary>
public sealed class AuthWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2021, 2, 24, 6, 0, 0, TimeSpan.Zero);

    private AuthWorld(string folder, ICatalog catalog, ManualClock clock, IssuerKey key, LocalIssuer issuer)
    {
        Folder = folder;
        Catalog = catalog;
        Clock = clock;
        Key = key;
        Issuer = issuer;
        Accounts = new LocalAccounts(catalog.Users, Groups, clock);
    }

    public static GroupNames Groups { get; } = new(["exi", "emr", "emu"]);

    public string Folder { get; }

    public ICatalog Catalog { get; }

    public ManualClock Clock { get; }

    /// <summary>The issuer's signing key (to sign tokens it would never make).</summary>
    public IssuerKey Key { get; }

    public LocalIssuer Issuer { get; }

    public LocalAccounts Accounts { get; }

    public string KeyPath => Path.Combine(Folder, "issuer-key.pem");

    public LocalIssuerOptions Options => new() { KeyPath = KeyPath };

    public static async Task<AuthWorld> CreateAsync(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("sdc-auth-tests-").FullName;
        var catalog = await CatalogFactory.OpenAsync(Path.Combine(folder, "catalog.db"), cancellationToken);
        await catalog.MigrateAsync(cancellationToken);
        var clock = new ManualClock(Start);
        var options = new LocalIssuerOptions { KeyPath = Path.Combine(folder, "issuer-key.pem") };
        var key = IssuerKey.LoadOrCreate(options.KeyPath);
        return new AuthWorld(folder, catalog, clock, key, new LocalIssuer(options, key, catalog.Users, clock));
    }

    /// <summary>A validator that trusts this issuer (its keys in-process), on the same clock.</summary>
    public TokenValidator Validator(TokenValidatorOptions? options = null) =>
        new(options ?? Issuer.ValidatorOptions, Issuer.Keys, Clock);

    public async ValueTask DisposeAsync()
    {
        Issuer.Dispose();
        Key.Dispose();
        await Catalog.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
