using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Sdc.Formats.Png;

/// <summary>PNG (ISO/IEC 15948) encoding: IHDR, tEXt, IDAT (zlib of filtered rows), IEND; CRC-32 per chunk.</summary>
internal static class PngEncoder
{
    private const int MaxIdat = 1 << 20;
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static void Write(PngImage image, Stream stream)
    {
        var text = image.Text.Select(t => (Keyword: Latin1(t.Key, "keyword"), Text: Latin1(t.Value, "text"))).ToList();
        foreach (var (keyword, _) in text)
        {
            if (keyword.Length is 0 or > 79 || keyword[0] == ' ' || keyword[^1] == ' ' || keyword.AsSpan().IndexOf("  "u8) >= 0)
            {
                throw new ArgumentException($"PNG text keyword '{Encoding.Latin1.GetString(keyword)}' must be 1-79 Latin-1 characters without leading, trailing or double spaces.");
            }
        }

        stream.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], image.Height);
        header[8] = image.Format == PngPixelFormat.Gray16 ? (byte)16 : (byte)8;
        header[9] = image.Format == PngPixelFormat.Rgb8 ? (byte)2 : (byte)0;
        WriteChunk(stream, "IHDR"u8, header);
        foreach (var (keyword, value) in text)
        {
            WriteChunk(stream, "tEXt"u8, [.. keyword, 0, .. value]);
        }

        var compressed = Compress(image);
        for (var start = 0; start < compressed.Length || start == 0; start += MaxIdat)
        {
            WriteChunk(stream, "IDAT"u8, compressed.AsSpan(start, Math.Min(MaxIdat, compressed.Length - start)));
        }

        WriteChunk(stream, "IEND"u8, []);
    }

    private static byte[] Latin1(string value, string what)
    {
        ArgumentNullException.ThrowIfNull(value, what);
        if (value.Any(c => c > 0xFF))
        {
            throw new ArgumentException($"PNG text {what} '{value}' must be Latin-1.");
        }

        return Encoding.Latin1.GetBytes(value);
    }

    private static byte[] Compress(PngImage image)
    {
        var bpp = image.Format switch
        {
            PngPixelFormat.Gray8 => 1,
            PngPixelFormat.Gray16 => 2,
            _ => 3,
        };
        var rowBytes = image.Width * bpp;
        var previous = new byte[rowBytes];
        var current = new byte[rowBytes];
        var candidates = new byte[5][];
        for (var f = 0; f < 5; f++)
        {
            candidates[f] = new byte[rowBytes + 1];
        }

        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, image.Compression, leaveOpen: true))
        {
            for (var y = 0; y < image.Height; y++)
            {
                switch (image.Pixels)
                {
                    case byte[] bytes:
                        bytes.AsSpan(y * rowBytes, rowBytes).CopyTo(current);
                        break;
                    case ushort[] words:
                        BinaryPrimitives.ReverseEndianness(
                            words.AsSpan(y * image.Width, image.Width),
                            System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(current.AsSpan()));
                        break;
                }

                zlib.Write(FilterRow(image.Filter, current, previous, bpp, candidates));
                (previous, current) = (current, previous);
            }
        }

        return output.ToArray();
    }

    /// <summary>The filter-type byte and the filtered row.</summary>
    private static byte[] FilterRow(PngFilter filter, byte[] row, byte[] above, int bpp, byte[][] candidates)
    {
        if (filter != PngFilter.Adaptive)
        {
            Apply((int)filter, row, above, bpp, candidates[(int)filter]);
            return candidates[(int)filter];
        }

        var best = 0;
        var bestScore = long.MaxValue;
        for (var f = 0; f < 5; f++)
        {
            Apply(f, row, above, bpp, candidates[f]);
            long score = 0;
            foreach (var b in candidates[f].AsSpan(1))
            {
                score += Math.Abs((int)(sbyte)b);
            }

            if (score < bestScore)
            {
                best = f;
                bestScore = score;
            }
        }

        return candidates[best];
    }

    private static void Apply(int filter, byte[] row, byte[] above, int bpp, byte[] target)
    {
        target[0] = (byte)filter;
        var output = target.AsSpan(1, row.Length);
        var first = Math.Min(bpp, row.Length);
        switch (filter)
        {
            case 0:
                row.CopyTo(output);
                break;
            case 1:
                row.AsSpan(0, first).CopyTo(output);
                for (var i = bpp; i < row.Length; i++)
                {
                    output[i] = (byte)(row[i] - row[i - bpp]);
                }

                break;
            case 2:
                for (var i = 0; i < row.Length; i++)
                {
                    output[i] = (byte)(row[i] - above[i]);
                }

                break;
            case 3:
                for (var i = 0; i < first; i++)
                {
                    output[i] = (byte)(row[i] - (above[i] >> 1));
                }

                for (var i = bpp; i < row.Length; i++)
                {
                    output[i] = (byte)(row[i] - ((row[i - bpp] + above[i]) >> 1));
                }

                break;
            default:
                for (var i = 0; i < first; i++)
                {
                    output[i] = (byte)(row[i] - above[i]);
                }

                for (var i = bpp; i < row.Length; i++)
                {
                    output[i] = (byte)(row[i] - Paeth(row[i - bpp], above[i], above[i - bpp]));
                }

                break;
        }
    }

    internal static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void WriteChunk(Stream stream, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        stream.Write(word);
        stream.Write(type);
        stream.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Append(Crc32.Compute(type), data));
        stream.Write(word);
    }
}
