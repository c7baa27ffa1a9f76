using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Sdc.Formats.Png;

/// <summary>
/// PNG decoding for what <see cref="PngEncoder"/> writes (and any PNG of the same kinds): 8/16-bit
/// grayscale and 8-bit RGB, not interlaced, any of the five row filters, IDAT split anywhere, tEXt
/// kept, other ancillary chunks skipped. Every chunk's CRC is checked.
/// </summary>
internal static class PngReader
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static PngImage Read(Stream stream)
    {
        Span<byte> signature = stackalloc byte[8];
        if (stream.ReadAtLeast(signature, 8, throwOnEndOfStream: false) < 8 || !signature.SequenceEqual(Signature))
        {
            throw new PngFormatException("Not a PNG: the 8-byte signature is missing.");
        }

        var (width, height, format) = (0, 0, PngPixelFormat.Gray8);
        var text = new List<KeyValuePair<string, string>>();
        using var idat = new MemoryStream();
        var sawHeader = false;
        long offset = 8;
        while (true)
        {
            var (type, data) = ReadChunk(stream, offset);
            var name = Encoding.ASCII.GetString(type);
            if (!sawHeader && name != "IHDR")
            {
                throw new PngFormatException($"Byte {offset}: the first chunk is {name}, not IHDR.");
            }

            switch (name)
            {
                case "IHDR":
                    (width, height, format) = Header(data, offset);
                    sawHeader = true;
                    break;
                case "tEXt":
                    var zero = Array.IndexOf(data, (byte)0);
                    if (zero < 1)
                    {
                        throw new PngFormatException($"Byte {offset}: a tEXt chunk without a keyword.");
                    }

                    text.Add(new(Encoding.Latin1.GetString(data, 0, zero), Encoding.Latin1.GetString(data, zero + 1, data.Length - zero - 1)));
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    var image = Pixels(idat.ToArray(), width, height, format);
                    foreach (var entry in text)
                    {
                        image.Text.Add(entry);
                    }

                    return image;
                default:
                    // Bit 5 of the first letter: lower case is ancillary (safe to skip), upper case critical.
                    if ((type[0] & 0x20) == 0)
                    {
                        throw new PngFormatException($"Byte {offset}: critical chunk {name} is not supported (only IHDR, IDAT, IEND; no palettes).");
                    }

                    break;
            }

            offset += 12 + data.Length;
        }
    }

    private static (byte[] Type, byte[] Data) ReadChunk(Stream stream, long offset)
    {
        Span<byte> head = stackalloc byte[8];
        if (stream.ReadAtLeast(head, 8, throwOnEndOfStream: false) < 8)
        {
            throw new PngFormatException($"Byte {offset}: the file ends before IEND.");
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(head);
        if (length < 0)
        {
            throw new PngFormatException($"Byte {offset}: chunk length {(uint)length} is over 2^31 - 1.");
        }

        var type = head[4..].ToArray();
        var data = new byte[length];
        Span<byte> crc = stackalloc byte[4];
        if (stream.ReadAtLeast(data, length, throwOnEndOfStream: false) < length || stream.ReadAtLeast(crc, 4, throwOnEndOfStream: false) < 4)
        {
            throw new PngFormatException($"Byte {offset}: the file ends inside chunk {Encoding.ASCII.GetString(type)}.");
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(crc) != Crc32.Append(Crc32.Compute(type), data))
        {
            throw new PngFormatException($"Byte {offset}: chunk {Encoding.ASCII.GetString(type)} fails its CRC.");
        }

        return (type, data);
    }

    private static (int Width, int Height, PngPixelFormat Format) Header(byte[] data, long offset)
    {
        if (data.Length != 13)
        {
            throw new PngFormatException($"Byte {offset}: IHDR holds {data.Length} bytes, not 13.");
        }

        var width = BinaryPrimitives.ReadInt32BigEndian(data);
        var height = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(4));
        var (depth, colour, interlace) = (data[8], data[9], data[12]);
        if (width < 1 || height < 1)
        {
            throw new PngFormatException($"Byte {offset}: image size {width}x{height}; both must be at least 1.");
        }

        if (data[10] != 0 || data[11] != 0 || interlace != 0)
        {
            throw new PngFormatException($"Byte {offset}: compression {data[10]}, filter method {data[11]}, interlace {interlace}; only 0, 0, 0 are read.");
        }

        var format = (depth, colour) switch
        {
            (8, 0) => PngPixelFormat.Gray8,
            (16, 0) => PngPixelFormat.Gray16,
            (8, 2) => PngPixelFormat.Rgb8,
            _ => throw new PngFormatException($"Byte {offset}: bit depth {depth} with colour type {colour}; only 8/16-bit grey (0) and 8-bit RGB (2) are read."),
        };
        if ((long)width * height * (format == PngPixelFormat.Gray8 ? 1 : format == PngPixelFormat.Gray16 ? 2 : 3) > Array.MaxLength)
        {
            throw new PngFormatException($"Byte {offset}: a {width}x{height} image is too large to hold in memory.");
        }

        return (width, height, format);
    }

    private static PngImage Pixels(byte[] compressed, int width, int height, PngPixelFormat format)
    {
        var bpp = format switch
        {
            PngPixelFormat.Gray8 => 1,
            PngPixelFormat.Gray16 => 2,
            _ => 3,
        };
        var rowBytes = width * bpp;
        var raw = new byte[(long)rowBytes * height];
        var previous = new byte[rowBytes];
        var filtered = new byte[rowBytes + 1];
        using (var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress))
        {
            try
            {
                for (var y = 0; y < height; y++)
                {
                    if (zlib.ReadAtLeast(filtered, filtered.Length, throwOnEndOfStream: false) < filtered.Length)
                    {
                        throw new PngFormatException($"The image data end at row {y} of {height}.");
                    }

                    var row = raw.AsSpan(y * rowBytes, rowBytes);
                    Unfilter(filtered[0], filtered.AsSpan(1), previous, row, bpp, y);
                    row.CopyTo(previous);
                }
            }
            catch (InvalidDataException e)
            {
                throw new PngFormatException($"The image data are not valid zlib: {e.Message}", e);
            }
        }

        if (format != PngPixelFormat.Gray16)
        {
            return format == PngPixelFormat.Gray8 ? PngImage.Gray8(raw, width, height) : PngImage.Rgb8(raw, width, height);
        }

        var words = new ushort[width * height];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt16BigEndian(raw.AsSpan(i * 2));
        }

        return PngImage.Gray16(words, width, height);
    }

    private static void Unfilter(byte filter, ReadOnlySpan<byte> input, ReadOnlySpan<byte> above, Span<byte> row, int bpp, int y)
    {
        for (var i = 0; i < row.Length; i++)
        {
            int left = i >= bpp ? row[i - bpp] : 0;
            int upperLeft = i >= bpp ? above[i - bpp] : 0;
            row[i] = filter switch
            {
                0 => input[i],
                1 => (byte)(input[i] + left),
                2 => (byte)(input[i] + above[i]),
                3 => (byte)(input[i] + ((left + above[i]) >> 1)),
                4 => (byte)(input[i] + PngEncoder.Paeth(left, above[i], upperLeft)),
                _ => throw new PngFormatException($"Row {y}: filter type {filter}; expected 0 to 4."),
            };
        }
    }
}
