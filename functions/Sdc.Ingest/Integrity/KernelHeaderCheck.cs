using System.Text;
using Sdc.Formats.Spice;

namespace Sdc.Ingest.Integrity;

/// <summary>
/// Checks a SPICE kernel's header against its type. Binary kernels (extensions starting with
/// "b", NAIF's convention) are DAF files: a 1024-byte file record starting <c>DAF/&lt;TYPE&gt;</c>,
/// a binary format of LTL-IEEE or BIG-IEEE, an intact FTP validation string (an ASCII-mode
/// transfer mangles it), and whole 1024-byte records. Text kernels start with
/// <c>KPL/&lt;TYPE&gt;</c>.
/// </summary>
internal static class KernelHeaderCheck
{
    private const int RecordLength = DafFileRecord.RecordLength;

    /// <summary>Checks the file's first bytes (up to one record) and its size; null when they pass.</summary>
    public static CheckFailure? Check(ReadOnlySpan<byte> head, long size, string kernelType, string extension, string fileName)
    {
        var type = kernelType.ToUpperInvariant();
        var text = Encoding.Latin1.GetString(head[..Math.Min(head.Length, 16)]);
        if (extension.StartsWith('b'))
        {
            var expected = $"DAF/{type}";
            if (!text.StartsWith(expected, StringComparison.Ordinal) || head.Length < 8 || (head.Length > expected.Length && text[expected.Length] is not ' ' and not '\0'))
            {
                return Fail($"a DAF file record starting '{expected}'", $"'{Printable(text[..Math.Min(8, text.Length)])}'", fileName);
            }
            if (head.Length < RecordLength || size % RecordLength != 0)
            {
                return Fail("whole 1024-byte DAF records", $"{size} bytes", fileName);
            }
            var format = Encoding.ASCII.GetString(head.Slice(88, 8));
            if (format is not "LTL-IEEE" and not "BIG-IEEE")
            {
                return Fail("binary format LTL-IEEE or BIG-IEEE", $"'{Printable(format)}'", fileName);
            }
            var ftp = head.Slice(DafFileRecord.FtpOffset, DafFileRecord.FtpString.Length);
            if (ftp.StartsWith("FTPSTR"u8) && !ftp.SequenceEqual(DafFileRecord.FtpString))
            {
                return Fail("an intact FTP validation string", "a damaged one (was the file transferred in ASCII mode?)", fileName);
            }
            return null;
        }

        var header = $"KPL/{type}";
        return text.StartsWith(header, StringComparison.Ordinal) && (text.Length == header.Length || char.IsWhiteSpace(text[header.Length]))
            ? null
            : Fail($"a text kernel starting '{header}'", $"'{Printable(text[..Math.Min(header.Length + 2, text.Length)])}'", fileName);
    }

    private static CheckFailure Fail(string expected, string actual, string fileName) =>
        new(IntegrityCheck.Kernel, IngestCodes.BadKernel, expected, actual, $"{fileName}: expected {expected}, found {actual}");

    private static string Printable(string text) => new(text.Select(c => c is >= ' ' and <= '~' ? c : '.').ToArray());
}
