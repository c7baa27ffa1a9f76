using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sdc.Simulator.Kernels;

/// <summary>
/// A kernel's format and time coverage, read from its header: binary kernels start with a DAF
/// file record (<c>DAF/SPK </c>, <c>DAF/CK  </c>, …) and keep <c>SDC_COVERAGE_START=…</c> and
/// <c>SDC_COVERAGE_END=…</c> lines in their comment area (records 2 on); text kernels start with
/// <c>KPL/LSK</c> (…) and assign the same names in a <c>\begindata</c> block. Times are UTC, ISO 8601 with Z.
/// </summary>
public sealed partial record KernelCoverage(string Format, bool IsBinary, DateTime Start, DateTime End)
{
    /// <summary>How much of a kernel is read to find its coverage: the file record and the first comment records.</summary>
    public const int HeaderBytes = 16 * 1024;

    /// <summary>Reads the coverage from the first <see cref="HeaderBytes"/> of a kernel; <see cref="FormatException"/> if it is not there.</summary>
    public static KernelCoverage Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[HeaderBytes];
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Parse(buffer.AsSpan(0, length));
    }

    public static KernelCoverage ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    public static KernelCoverage Parse(ReadOnlySpan<byte> header)
    {
        // Latin-1 keeps byte offsets and passes the DAF record's binary fields through harmlessly.
        var text = Encoding.Latin1.GetString(header);
        string format;
        bool binary;
        if (text.StartsWith("DAF/", StringComparison.Ordinal) && text.Length >= 1024)
        {
            format = text[..8].TrimEnd();
            binary = true;
            text = text[1024..];
        }
        else if (text.StartsWith("KPL/", StringComparison.Ordinal))
        {
            format = text[..text.IndexOfAny(['\r', '\n', ' '])];
            binary = false;
            var data = text.IndexOf("\\begindata", StringComparison.Ordinal);
            if (data < 0)
            {
                throw new FormatException($"The {format} text kernel has no \\begindata block.");
            }
            text = text[data..];
        }
        else
        {
            throw new FormatException("Not a kernel: it starts with neither a DAF file record (DAF/…) nor a text kernel line (KPL/…).");
        }
        var start = Find(text, "START", format);
        var end = Find(text, "END", format);
        if (end < start)
        {
            throw new FormatException($"The {format} kernel's coverage ends ({end:O}) before it starts ({start:O}).");
        }
        return new KernelCoverage(format, binary, start, end);
    }

    private static DateTime Find(string text, string which, string format)
    {
        var match = CoveragePattern().Matches(text).FirstOrDefault(m => m.Groups["which"].Value == which)
            ?? throw new FormatException($"The {format} kernel has no SDC_COVERAGE_{which} in its {(format.StartsWith("DAF", StringComparison.Ordinal) ? "comment area" : "data block")}.");
        return DateTime.TryParse(match.Groups["time"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new FormatException($"SDC_COVERAGE_{which} '{match.Groups["time"].Value}' is not an ISO 8601 time.");
    }

    [GeneratedRegex(@"SDC_COVERAGE_(?<which>START|END)\s*=\s*'?(?<time>[0-9][0-9T:.\-]*Z?)'?")]
    private static partial Regex CoveragePattern();
}
