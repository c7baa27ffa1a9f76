using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sdc.Formats.Fits;

/// <summary>
/// The 32-bit ones'-complement sum of the FITS checksum convention (FITS 4.0 appendix J): bytes
/// taken four at a time as big-endian words, carries out of bit 31 folded back into bit 0. Bytes
/// may arrive in pieces of any length; a trailing partial word counts as if padded with zeros.
/// </summary>
internal struct FitsChecksum
{
    private ulong _sum;
    private uint _partial;
    private int _partialBytes;

    public readonly uint Value
    {
        get
        {
            var sum = _sum + (_partialBytes > 0 ? _partial << (8 * (4 - _partialBytes)) : 0UL);
            return Fold(sum);
        }
    }

    public void Add(ReadOnlySpan<byte> bytes)
    {
        while (_partialBytes > 0 && !bytes.IsEmpty)
        {
            _partial = (_partial << 8) | bytes[0];
            bytes = bytes[1..];
            if (++_partialBytes == 4)
            {
                _sum += _partial;
                _partial = 0;
                _partialBytes = 0;
            }
        }

        var whole = bytes.Length & ~3;
        _sum = Fold(_sum) + SumWords(bytes[..whole]);
        foreach (var b in bytes[whole..])
        {
            _partial = (_partial << 8) | b;
            _partialBytes++;
        }
    }

    /// <summary>Ones'-complement addition of two sums (e.g. a header's and its DATASUM).</summary>
    public static uint Combine(uint a, uint b) => Fold((ulong)a + b);

    public static uint Of(ReadOnlySpan<byte> bytes)
    {
        var sum = default(FitsChecksum);
        sum.Add(bytes);
        return sum.Value;
    }

    /// <summary>
    /// The 16-character CHECKSUM value for an HDU whose bytes (with CHECKSUM = '0000000000000000')
    /// sum to <paramref name="sum"/>: the complement encoded as ASCII digits and letters, so that
    /// the HDU with the value in place sums to negative zero.
    /// </summary>
    public static string Encode(uint sum)
    {
        ReadOnlySpan<byte> excluded = ":;<=>?@[\\]^_`"u8;
        var value = ~sum;
        Span<byte> ascii = stackalloc byte[16];
        Span<int> ch = stackalloc int[4];
        for (var i = 0; i < 4; i++)
        {
            var b = (int)((value >> (24 - (8 * i))) & 0xFF);
            var quotient = (b / 4) + '0';
            ch.Fill(quotient);
            ch[0] += b % 4;
            for (var again = true; again;)
            {
                again = false;
                foreach (var x in excluded)
                {
                    for (var j = 0; j < 4; j += 2)
                    {
                        if (ch[j] == x || ch[j + 1] == x)
                        {
                            ch[j]++;
                            ch[j + 1]--;
                            again = true;
                        }
                    }
                }
            }

            for (var j = 0; j < 4; j++)
            {
                ascii[(4 * j) + i] = (byte)ch[j];
            }
        }

        // The value starts at byte 11 of its card (3 mod 4), so the convention rotates the string one place
        // to the right to line each character up with the word byte it stands for.
        Span<char> rotated = stackalloc char[16];
        for (var i = 0; i < 16; i++)
        {
            rotated[i] = (char)ascii[(i + 15) % 16];
        }

        return new string(rotated);
    }

    private static uint Fold(ulong sum)
    {
        while (sum > uint.MaxValue)
        {
            sum = (sum & uint.MaxValue) + (sum >> 32);
        }

        return (uint)sum;
    }

    /// <summary>Plain 64-bit sum of the big-endian words of <paramref name="bytes"/> (length a multiple of 4).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong SumWords(ReadOnlySpan<byte> bytes)
    {
        ulong total = 0;
        var i = 0;
        ref var start = ref MemoryMarshal.GetReference(bytes);
        if (Avx2.IsSupported && bytes.Length >= 64)
        {
            var reverse = Vector256.Create((byte)3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12, 3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12);
            var low = Vector256.Create(0xFFFF_FFFFUL);
            Vector256<ulong> a0 = default, a1 = default, b0 = default, b1 = default;

            // Words are widened into 64-bit lanes (low and high halves apart), so no carry is lost:
            // a lane would need 2^32 additions to overflow, more than a span can hold.
            for (; i <= bytes.Length - 64; i += 64)
            {
                var v = Avx2.Shuffle(Vector256.LoadUnsafe(ref start, (nuint)i), reverse).AsUInt64();
                var w = Avx2.Shuffle(Vector256.LoadUnsafe(ref start, (nuint)(i + 32)), reverse).AsUInt64();
                a0 += v & low;
                b0 += v >>> 32;
                a1 += w & low;
                b1 += w >>> 32;
            }

            total = Vector256.Sum(a0) + Vector256.Sum(a1) + Vector256.Sum(b0) + Vector256.Sum(b1);
        }
        else if (Vector128.IsHardwareAccelerated && bytes.Length >= 16)
        {
            var reverse = Vector128.Create((byte)3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12);
            var low = Vector128.Create(0xFFFF_FFFFUL);
            Vector128<ulong> a = default, b = default;
            for (; i <= bytes.Length - 16; i += 16)
            {
                var v = Vector128.Shuffle(Vector128.LoadUnsafe(ref start, (nuint)i), reverse).AsUInt64();
                a += v & low;
                b += v >>> 32;
            }

            total = Vector128.Sum(a) + Vector128.Sum(b);
        }

        for (; i < bytes.Length; i += 4)
        {
            total += BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, i)));
        }

        return total;
    }
}
