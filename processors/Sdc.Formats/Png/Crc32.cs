namespace Sdc.Formats.Png;

/// <summary>CRC-32 of ISO 3309 / ITU-T V.42 (polynomial 0xEDB88320, reflected), as PNG chunks use.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = MakeTable();

    public static uint Compute(ReadOnlySpan<byte> bytes) => Append(0, bytes);

    /// <summary>Continues a CRC over more bytes: <c>Append(Compute(a), b) == Compute(a + b)</c>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> bytes)
    {
        var c = ~crc;
        foreach (var b in bytes)
        {
            c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return ~c;
    }

    private static uint[] MakeTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
