using System.Security.Cryptography;

namespace Sdc.Local.Auth.Tests;

public sealed class IssuerKeyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sdc-issuer-key-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void LoadOrCreate_MissingFile_CreatesItOwnerOnlyAndLoadsTheSameKeyAgain()
    {
        var path = Path.Combine(_folder, "nested", "issuer-key.pem");

        using var created = IssuerKey.LoadOrCreate(path);
        using var loaded = IssuerKey.LoadOrCreate(path);

        Assert.True(File.Exists(path));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(path), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        Assert.Equal(created.PublicKey, loaded.PublicKey);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void KeyId_IsTheRfc7638Thumbprint()
    {
        using var key = IssuerKey.CreateEphemeral();
        using var rsa = key.PublicKey.CreateRsa();

        Assert.Equal(RsaJsonWebKey.Thumbprint(rsa.ExportParameters(false)), key.KeyId);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", key.KeyId);
        Assert.Equal(2048, rsa.KeySize);
    }

    [Fact]
    public void Thumbprint_Rfc7638Example_MatchesThePublishedValue()
    {
        // RFC 7638 §3.1: the example key and its thumbprint.
        const string n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        var parameters = new RSAParameters { Modulus = Convert.FromBase64String(Pad(n)), Exponent = [1, 0, 1] };

        Assert.Equal("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", RsaJsonWebKey.Thumbprint(parameters));
    }

    [Fact]
    public void LoadOrCreate_NotAKey_ThrowsNamingTheFile()
    {
        var path = Path.Combine(_folder, "issuer-key.pem");
        File.WriteAllText(path, "not a key");

        var error = Assert.Throws<CryptographicException>(() => IssuerKey.LoadOrCreate(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadOrCreate_PublicKeyOnly_Throws()
    {
        var path = Path.Combine(_folder, "issuer-key.pem");
        using (var rsa = RSA.Create(2048))
        {
            File.WriteAllText(path, rsa.ExportSubjectPublicKeyInfoPem());
        }

        Assert.Throws<CryptographicException>(() => IssuerKey.LoadOrCreate(path));
    }

    private static string Pad(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text + new string('=', (4 - (text.Length % 4)) % 4);
    }
}
