using System.Runtime.CompilerServices;

namespace Sdc.Formats.Fits;

/// <summary>
/// Pixels of one element type. Unsigned 16- and 32-bit pixels are stored with BZERO = 2^15 or 2^31,
/// which amounts to flipping the sign bit: <c>writeFlip</c> is that bit in big-endian byte order,
/// <c>readFlip</c> in native order.
/// </summary>
internal sealed class ImageDataCodec<T>(T[] pixels, uint writeFlip = 0, uint readFlip = 0) : DataCodec
    where T : unmanaged
{
    private int _next;

    public override long Length => (long)pixels.Length * Granularity;

    public override int Granularity { get; } = Unsafe.SizeOf<T>();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int Fill(Span<byte> destination)
    {
        var count = Math.Min(pixels.Length - _next, destination.Length / Granularity);
        var bytes = count * Granularity;
        BigEndian.Write<T>(pixels.AsSpan(_next, count), destination);
        if (writeFlip != 0)
        {
            BigEndian.Xor(destination[..bytes], writeFlip);
        }

        _next += count;
        return bytes;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Consume(ReadOnlySpan<byte> source)
    {
        var count = source.Length / Granularity;
        var target = pixels.AsSpan(_next, count);
        BigEndian.Read(source, target);
        if (readFlip != 0)
        {
            BigEndian.Xor(System.Runtime.InteropServices.MemoryMarshal.AsBytes(target), readFlip);
        }

        _next += count;
    }

    public override void Reset() => _next = 0;
}
