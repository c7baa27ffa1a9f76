namespace Sdc.Instruments;

/// <summary>
/// 12-bit samples packed two in three bytes, big-endian: pixels a, b become
/// <c>a[11:4]</c>, <c>a[3:0] b[11:8]</c>, <c>b[7:0]</c>. An odd count ends with two bytes
/// (the last pixel and four zero bits).
/// </summary>
public static class TwelveBitPacking
{
    public const int MaxValue = 4095;

    /// <summary>Bytes that <paramref name="count"/> packed samples take.</summary>
    public static int PackedLength(int count) => ((count * 3) + 1) / 2;

    public static void Pack(ReadOnlySpan<ushort> values, Span<byte> destination)
    {
        if (destination.Length < PackedLength(values.Length))
        {
            throw new ArgumentException($"{values.Length} samples need {PackedLength(values.Length)} bytes, got {destination.Length}.", nameof(destination));
        }
        var o = 0;
        var i = 0;
        for (; i + 1 < values.Length; i += 2)
        {
            int a = values[i], b = values[i + 1];
            if ((a | b) > MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(values), $"Sample {(a > MaxValue ? i : i + 1)} is {Math.Max(a, b)}, more than 12 bits hold.");
            }
            destination[o] = (byte)(a >> 4);
            destination[o + 1] = (byte)(((a & 0xF) << 4) | (b >> 8));
            destination[o + 2] = (byte)b;
            o += 3;
        }
        if (i < values.Length)
        {
            int a = values[i];
            if (a > MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(values), $"Sample {i} is {a}, more than 12 bits hold.");
            }
            destination[o] = (byte)(a >> 4);
            destination[o + 1] = (byte)((a & 0xF) << 4);
        }
    }

    public static void Unpack(ReadOnlySpan<byte> source, Span<ushort> destination)
    {
        var count = destination.Length;
        if (source.Length < PackedLength(count))
        {
            throw new ArgumentException($"{count} samples need {PackedLength(count)} packed bytes, got {source.Length}.", nameof(source));
        }
        var o = 0;
        var i = 0;
        for (; i + 1 < count; i += 2)
        {
            int b0 = source[o], b1 = source[o + 1], b2 = source[o + 2];
            destination[i] = (ushort)((b0 << 4) | (b1 >> 4));
            destination[i + 1] = (ushort)(((b1 & 0xF) << 8) | b2);
            o += 3;
        }
        if (i < count)
        {
            destination[i] = (ushort)((source[o] << 4) | (source[o + 1] >> 4));
        }
    }
}
