using System.Buffers.Binary;
using System.Globalization;
using System.Text;

using Sdc.Formats.Spice;

namespace Sdc.Simulator.Kernels;

/// <summary>
/// Writes SPICE-like kernels whose header a reader can check and whose coverage it can read
/// (<see cref="KernelCoverage"/>). Binary kernels (extensions starting with b: bsp, bc, bpc) are DAF
/// files with a real file record, a comment area and an empty summary/name record pair; text
/// kernels (tls, tsc, tf, tpc) hold plausible EMM values in a <c>\begindata</c> block. Neither
/// carries real ephemeris or attitude data.
/// </summary>
internal static class KernelWriter
{
    private const int RecordLength = DafFileRecord.RecordLength;
    private const int CommentCharsPerRecord = 1000;

    public static bool IsBinary(string extension) => extension.StartsWith('b');

    public static void Write(Stream stream, string kernelType, string extension, DateTime start, DateTime end)
    {
        if (IsBinary(extension))
        {
            WriteDaf(stream, kernelType, start, end);
        }
        else
        {
            var text = TextKernel(kernelType, start, end);
            stream.Write(Encoding.ASCII.GetBytes(text));
        }
    }

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void WriteDaf(Stream stream, string kernelType, DateTime start, DateTime end)
    {
        var id = kernelType.ToUpperInvariant();
        var (nd, ni) = id switch
        {
            "SPK" => (2, 6),
            "CK" => (1, 5),
            _ => (2, 5),
        };
        var comments = string.Join('\0',
            $"EMM {id} kernel simulated by the SDC (no real {(id == "CK" ? "attitude" : "ephemeris")} data).",
            "Spacecraft: EMM (Hope), NAIF ID -62.",
            $"SDC_COVERAGE_START={Iso(start)}",
            $"SDC_COVERAGE_END={Iso(end)}",
            "") + "\u0004";
        var commentBytes = Encoding.ASCII.GetBytes(comments);
        var commentRecords = (commentBytes.Length + CommentCharsPerRecord - 1) / CommentCharsPerRecord;
        var summaryRecord = 2 + commentRecords;
        var records = summaryRecord + 1;

        var file = new byte[RecordLength];
        Encoding.ASCII.GetBytes($"DAF/{id}".PadRight(8), file);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(8), nd);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(12), ni);
        Encoding.ASCII.GetBytes($"EMM SDC SIMULATED {id}".PadRight(60), file.AsSpan(16));
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(76), summaryRecord);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(80), summaryRecord);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(84), (records * (RecordLength / 8)) + 1);
        Encoding.ASCII.GetBytes("LTL-IEEE", file.AsSpan(88));
        DafFileRecord.FtpString.CopyTo(file.AsSpan(DafFileRecord.FtpOffset));
        stream.Write(file);

        for (var r = 0; r < commentRecords; r++)
        {
            var record = new byte[RecordLength];
            var from = r * CommentCharsPerRecord;
            commentBytes.AsSpan(from, Math.Min(CommentCharsPerRecord, commentBytes.Length - from)).CopyTo(record);
            stream.Write(record);
        }

        // Summary record: NEXT = 0, PREV = 0, NSUM = 0 (no segments); then the (empty) name record.
        stream.Write(new byte[RecordLength]);
        var names = new byte[RecordLength];
        names.AsSpan().Fill((byte)' ');
        stream.Write(names);
    }

    // (clock ticks, ET) at the clock epoch and at each leap second after it. ET = TT seconds past
    // J2000 = UTC seconds past 2000-01-01T12:00:00 (no leap seconds) + TAI−UTC + 32.184.
    private static IEnumerable<(double Ticks, double Et)> ClockCorrelation()
    {
        var clockEpoch = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var j2000 = new DateTime(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        var epochDay = DateOnly.FromDateTime(clockEpoch);
        var atEpoch = LeapSeconds.Table.Last(l => l.From <= epochDay).DeltaAt;
        yield return (0, (clockEpoch - j2000).TotalSeconds + atEpoch + 32.184);
        foreach (var (deltaAt, from) in LeapSeconds.Table.Where(l => l.From > epochDay))
        {
            var at = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            yield return ((at - clockEpoch).TotalSeconds * 65536, (at - j2000).TotalSeconds + deltaAt + 32.184);
        }
    }

    private static string TextKernel(string kernelType, DateTime start, DateTime end)
    {
        var id = kernelType.ToUpperInvariant();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"KPL/{id}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"EMM {id} kernel simulated by the SDC.\n\n");
        text.Append("\\begindata\n\n");
        text.Append(CultureInfo.InvariantCulture, $"SDC_COVERAGE_START = '{Iso(start)}'\n");
        text.Append(CultureInfo.InvariantCulture, $"SDC_COVERAGE_END   = '{Iso(end)}'\n\n");
        switch (id)
        {
            case "LSK":
                text.Append("DELTET/DELTA_T_A = 32.184\nDELTET/K = 1.657D-3\nDELTET/EB = 1.671D-2\n");
                text.Append("DELTET/M = ( 6.239996D0 1.99096871D-7 )\nDELTET/DELTA_AT = (\n");
                foreach (var (deltaAt, from) in LeapSeconds.Table)
                {
                    text.Append(CultureInfo.InvariantCulture, $"    {deltaAt}, @{from.ToString("yyyy-MMM-d", CultureInfo.InvariantCulture).ToUpperInvariant()}\n");
                }
                text.Append("    )\n");
                break;
            case "SCLK":
                // EMM's clock counts seconds and 1/65536 s since 2000-01-01T00:00:00 UTC without leap seconds,
                // as the packets' CUC time codes do; each leap second since starts a new correlation row.
                text.Append("SCLK_KERNEL_ID = ( @2000-JAN-01 )\nSCLK_DATA_TYPE_62 = ( 1 )\nSCLK01_TIME_SYSTEM_62 = ( 1 )\n");
                text.Append("SCLK01_N_FIELDS_62 = ( 2 )\nSCLK01_MODULI_62 = ( 4294967296 65536 )\nSCLK01_OFFSETS_62 = ( 0 0 )\n");
                text.Append("SCLK01_OUTPUT_DELIM_62 = ( 2 )\nSCLK_PARTITION_START_62 = ( 0.0 )\nSCLK_PARTITION_END_62 = ( 2.8147497671066E+14 )\n");
                text.Append("SCLK01_COEFFICIENTS_62 = (\n");
                foreach (var (ticks, et) in ClockCorrelation())
                {
                    text.Append(CultureInfo.InvariantCulture, $"    {ticks:0.0} {et:0.000} 1.0\n");
                }
                text.Append("    )\n");
                break;
            case "FK":
                text.Append("FRAME_EMM_SPACECRAFT = -62000\nFRAME_-62000_NAME = 'EMM_SPACECRAFT'\nFRAME_-62000_CLASS = 3\n");
                text.Append("FRAME_-62000_CLASS_ID = -62000\nFRAME_-62000_CENTER = -62\nCK_-62000_SCLK = -62\nCK_-62000_SPK = -62\n");
                text.Append("NAIF_BODY_NAME += ( 'EMM' 'HOPE' )\nNAIF_BODY_CODE += ( -62 -62 )\n");
                break;
            case "PCK":
                text.Append("BODY499_RADII = ( 3396.19 3396.19 3376.20 )\nBODY499_GM = ( 42828.3758 )\n");
                text.Append("BODY499_POLE_RA = ( 317.68143 -0.1061 0. )\nBODY499_POLE_DEC = ( 52.88650 -0.0609 0. )\n");
                text.Append("BODY499_PM = ( 176.630 350.89198226 0. )\n");
                break;
        }
        text.Append("\n\\begintext\n");
        return text.ToString();
    }
}
