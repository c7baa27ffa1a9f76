namespace Sdc.Formats.Spice;

/// <summary>
/// The fixed layout of a SPICE DAF file record (NAIF's "DAF Required Reading"): 1024-byte
/// records, and the FTP validation string at byte 699 that an ASCII-mode transfer would mangle.
/// Shared by the simulator that writes kernels and the integrity check that reads them.
/// </summary>
public static class DafFileRecord
{
    public const int RecordLength = 1024;

    public const int FtpOffset = 699;

    /// <summary>NAIF's FTP validation string, as DAF writers place it in the file record.</summary>
    public static ReadOnlySpan<byte> FtpString => Ftp;

    private static readonly byte[] Ftp = [.. "FTPSTR:\r:\n:\r\n:\r"u8, 0x00, .. ":"u8, 0x81, .. ":"u8, 0x10, 0xCE, .. ":ENDFTP"u8];
}
