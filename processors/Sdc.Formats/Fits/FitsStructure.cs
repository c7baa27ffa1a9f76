namespace Sdc.Formats.Fits;

/// <summary>Keywords the writer derives from an HDU (never taken from, nor left in, <see cref="FitsHeader"/>).</summary>
internal static class FitsStructure
{
    public const int BlockSize = 2880;

    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "SIMPLE", "XTENSION", "BITPIX", "NAXIS", "EXTEND", "PCOUNT", "GCOUNT", "GROUPS",
        "END", "CONTINUE", "LONGSTRN", "CHECKSUM", "DATASUM",
    };

    public static bool IsCommonStructural(string keyword) =>
        Common.Contains(keyword) || IsIndexed(keyword, "NAXIS");

    /// <summary>True for PREFIX followed by a positive integer (NAXIS1, TFORM12).</summary>
    public static bool IsIndexed(string keyword, string prefix) =>
        keyword.Length > prefix.Length &&
        keyword.StartsWith(prefix, StringComparison.Ordinal) &&
        keyword[prefix.Length] != '0' &&
        !keyword.AsSpan(prefix.Length).ContainsAnyExceptInRange('0', '9');

    public static long Padding(long length) => (BlockSize - (length % BlockSize)) % BlockSize;
}
