using System.Text;

namespace Sdc.Ingest.Integrity;

/// <summary>
/// Reads a <c>.md5</c> sidecar as <c>md5sum</c> writes it (<c>&lt;32 hex&gt;  &lt;name&gt;</c>, or
/// <c>*&lt;name&gt;</c> in binary mode), or just the 32 hex digits.
/// </summary>
internal static class SidecarReader
{
    public const int MaxBytes = 4096;

    /// <summary>The MD5 (lower-case), or the failure that says what is wrong with the sidecar.</summary>
    public static (string? Md5, CheckFailure? Failure) Parse(ReadOnlySpan<byte> content, string sidecarName, string fileName)
    {
        var text = Encoding.UTF8.GetString(content).Trim();
        var firstLine = text.Split('\n', 2)[0].TrimEnd('\r');
        var parts = firstLine.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries);
        var md5 = parts.Length > 0 ? parts[0] : "";
        if (md5.Length != 32 || !md5.All(char.IsAsciiHexDigit))
        {
            return (null, Fail("32 hexadecimal digits, optionally followed by the file name", Shorten(firstLine), sidecarName));
        }
        if (parts.Length == 2)
        {
            var named = parts[1].Trim().TrimStart('*');
            if (named != fileName)
            {
                return (null, Fail($"the checksum of '{fileName}'", $"the checksum of '{Shorten(named)}'", sidecarName));
            }
        }
        return (md5.ToLowerInvariant(), null);
    }

    private static CheckFailure Fail(string expected, string actual, string sidecarName) =>
        new(IntegrityCheck.Sidecar, IngestCodes.BadSidecar, expected, actual, $"{sidecarName}: expected {expected}, found '{actual}'");

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
