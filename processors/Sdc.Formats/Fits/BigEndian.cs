using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sdc.Formats.Fits;

/// <summary>
/// Whole-span conversions between native (little-endian) arrays and FITS big-endian bytes. The
/// element count is <c>source.Length</c>; the destination must hold it. The hot loops here and in the
/// codecs are compiled fully optimised at once: a job writes a few files, so they must be fast from the
/// first chunk rather than after tiered compilation catches up.
/// </summary>
internal static class BigEndian
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write<T>(ReadOnlySpan<T> source, Span<byte> destination)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(source);
        Swap(bytes, destination[..bytes.Length], Unsafe.SizeOf<T>());
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Read<T>(ReadOnlySpan<byte> source, Span<T> destination)
        where T : unmanaged
    {
        var target = MemoryMarshal.AsBytes(destination);
        Swap(source[..target.Length], target, Unsafe.SizeOf<T>());
    }

    // Reading and writing are the same byte swap, each way round: elements of elementSize bytes.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Swap(ReadOnlySpan<byte> from, Span<byte> to, int elementSize)
    {
        switch (elementSize)
        {
            case 1:
                from.CopyTo(to);
                break;
            case 2:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(from), MemoryMarshal.Cast<byte, ushort>(to));
                break;
            case 4:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(from), MemoryMarshal.Cast<byte, uint>(to));
                break;
            default:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ulong>(from), MemoryMarshal.Cast<byte, ulong>(to));
                break;
        }
    }

    /// <summary>
    /// XORs every 4-byte group of <paramref name="data"/> with <paramref name="pattern"/> (as laid out in
    /// memory, little-endian); a tail shorter than 4 bytes gets the pattern's first bytes. Flips the sign
    /// bit of unsigned values stored with BZERO = 2^15 or 2^31.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Xor(Span<byte> data, uint pattern)
    {
        var i = 0;
        ref var start = ref MemoryMarshal.GetReference(data);
        if (Vector256.IsHardwareAccelerated)
        {
            var mask = Vector256.Create(pattern).AsByte();
            for (; i <= data.Length - 32; i += 32)
            {
                (Vector256.LoadUnsafe(ref start, (nuint)i) ^ mask).StoreUnsafe(ref start, (nuint)i);
            }
        }

        for (; i <= data.Length - 4; i += 4)
        {
            ref var word = ref Unsafe.Add(ref start, i);
            Unsafe.WriteUnaligned(ref word, Unsafe.ReadUnaligned<uint>(ref word) ^ pattern);
        }

        for (var k = 0; i < data.Length; i++, k++)
        {
            data[i] ^= (byte)(pattern >> (8 * k));
        }
    }
}
