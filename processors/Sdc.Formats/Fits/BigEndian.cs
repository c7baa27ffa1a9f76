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
        var target = destination[..bytes.Length];
        switch (Unsafe.SizeOf<T>())
        {
            case 1:
                bytes.CopyTo(target);
                break;
            case 2:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(bytes), MemoryMarshal.Cast<byte, ushort>(target));
                break;
            case 4:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(bytes), MemoryMarshal.Cast<byte, uint>(target));
                break;
            default:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ulong>(bytes), MemoryMarshal.Cast<byte, ulong>(target));
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Read<T>(ReadOnlySpan<byte> source, Span<T> destination)
        where T : unmanaged
    {
        var target = MemoryMarshal.AsBytes(destination);
        var bytes = source[..target.Length];
        switch (Unsafe.SizeOf<T>())
        {
            case 1:
                bytes.CopyTo(target);
                break;
            case 2:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(bytes), MemoryMarshal.Cast<byte, ushort>(target));
                break;
            case 4:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(bytes), MemoryMarshal.Cast<byte, uint>(target));
                break;
            default:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ulong>(bytes), MemoryMarshal.Cast<byte, ulong>(target));
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
