using System.Security.Cryptography;

namespace Sdc.Local.Auth;

/// <summary>
/// The local issuer's RSA 2048 signing key, kept in a PEM file (PKCS#8) so that tokens survive a
/// restart. The file is created readable by its owner only; its key id is the key's RFC 7638
/// thumbprint.
/// </summary>
public sealed class IssuerKey : IDisposable
{
    private const int KeySizeBits = 2048;

    private readonly RSA _rsa;
    private readonly Lock _signing = new();

    private IssuerKey(RSA rsa)
    {
        _rsa = rsa;
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        PublicKey = RsaJsonWebKey.FromParameters(RsaJsonWebKey.Thumbprint(parameters), parameters);
    }

    public string KeyId => PublicKey.KeyId;

    /// <summary>The public half, as it appears in the issuer's JWKS.</summary>
    public RsaJsonWebKey PublicKey { get; }

    /// <summary>
    /// Reads the key at <paramref name="path"/>, or makes one and writes it there (mode 0600, its
    /// folder created) when the file does not exist. Two processes starting at once end up with
    /// the same key: the file is written under a temporary name and moved into place only if no
    /// other key got there first.
    /// </summary>
    public static IssuerKey LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        path = Path.GetFullPath(path);
        if (File.Exists(path))
        {
            return Load(path);
        }

        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var rsa = RSA.Create(KeySizeBits);
        try
        {
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            WritePrivate(temporary, rsa.ExportPkcs8PrivateKeyPem());
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
                rsa.Dispose();
                return Load(path);
            }
            return new IssuerKey(rsa);
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    /// <summary>A key that lives in memory only (tests; a throwaway issuer).</summary>
    public static IssuerKey CreateEphemeral() => new(RSA.Create(KeySizeBits));

    public void Dispose() => _rsa.Dispose();

    /// <summary>RS256: RSASSA-PKCS1-v1_5 with SHA-256.</summary>
    internal byte[] Sign(ReadOnlySpan<byte> data)
    {
        // One RSA instance, many requests: its members are not documented as thread-safe.
        lock (_signing)
        {
            return _rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
    }

    private static IssuerKey Load(string path)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(File.ReadAllText(path));
            if (rsa.KeySize < KeySizeBits)
            {
                throw new CryptographicException($"The issuer key in {path} has {rsa.KeySize} bits; at least {KeySizeBits} are needed.");
            }
            // A file holding only a public key would import, then fail at the first sign-in.
            _ = rsa.ExportParameters(includePrivateParameters: true);
            return new IssuerKey(rsa);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new CryptographicException($"{path} does not hold an RSA private key in PEM ({e.Message}); move it away to have a new key made.", e);
        }
    }

    private static void WritePrivate(string path, string pem)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Created with the mode, never readable by others even for a moment.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(pem);
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }
}
