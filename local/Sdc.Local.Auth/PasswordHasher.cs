using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sdc.Local.Auth;

/// <summary>
/// Password hashes as self-describing strings, <c>pbkdf2-sha256$&lt;iterations&gt;$&lt;salt&gt;$&lt;hash&gt;</c>
/// (salt and hash in standard base64): the iteration count travels with each hash, so it can grow
/// without touching the hashes already stored.
/// </summary>
public static class PasswordHasher
{
    /// <summary>
    /// The work factor of new hashes: OWASP's figure for PBKDF2-HMAC-SHA256 (about 0.2 s on one
    /// core here, paid once per sign-in).
    /// </summary>
    public const int Iterations = 600_000;

    /// <summary>
    /// The fewest iterations a stored hash may claim. Below it the string was written by something
    /// else or edited to make guessing cheap; such a hash matches no password.
    /// </summary>
    public const int MinimumIterations = 210_000;

    // Bounds the work an edited hash can ask of a sign-in.
    private const int MaximumIterations = 10_000_000;

    private const string Algorithm = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Hash(string password) => Hash(password, Iterations);

    /// <summary>
    /// True when <paramref name="password"/> is the one <paramref name="encoded"/> was made from.
    /// Compares in constant time. A string that is not a well-formed hash of this kind matches nothing.
    /// </summary>
    public static bool Verify(string password, string encoded)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!TryParse(encoded, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        var actual = Derive(password, salt, iterations, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    internal static string Hash(string password, int iterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, iterations, HashBytes);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Algorithm}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    private static byte[] Derive(string password, byte[] salt, int iterations, int length) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, length);

    private static bool TryParse(string? encoded, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        var parts = encoded?.Split('$');
        if (parts is not [Algorithm, var count, var saltText, var hashText]
            || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            || iterations is < MinimumIterations or > MaximumIterations)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(saltText);
            hash = Convert.FromBase64String(hashText);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length >= SaltBytes && hash.Length >= HashBytes;
    }
}
