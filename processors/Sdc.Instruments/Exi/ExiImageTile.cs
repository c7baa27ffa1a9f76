using System.Buffers.Binary;

namespace Sdc.Instruments;

/// <summary>
/// EXI image tiles, APID 0x110: one rectangular tile of one frame per packet, 12-bit pixels packed
/// two in three bytes, row by row. Layout (after the 6-byte time code, big-endian):
/// <code>
///  0  u32  image id            10  u16  image width     18  u16  tile width
///  4  u8   filter code         12  u16  image height    20  u16  tile height
///  5  u8   frame type          14  u16  tile x          22  …    pixels, ⌈3·w·h/2⌉ bytes
///  6  u32  exposure (ms)       16  u16  tile y
/// </code>
/// </summary>
public static class ExiImageTile
{
    public const int Apid = 0x110;

    public const int HeaderLength = 22;

    /// <summary>The tile edge the simulator uses: 64×64 pixels, 6166 bytes of user data.</summary>
    public const int DefaultTileSize = 64;

    /// <summary>User-data bytes of a tile packet with <paramref name="pixelCount"/> pixels.</summary>
    public static int PayloadLength(int pixelCount) => HeaderLength + TwelveBitPacking.PackedLength(pixelCount);

    /// <summary>Encodes a tile; returns the bytes written to <paramref name="destination"/>.</summary>
    public static int Encode(in ExiTileHeader header, ReadOnlySpan<ushort> pixels, Span<byte> destination)
    {
        Validate(header);
        if (pixels.Length != header.PixelCount)
        {
            throw new ArgumentException($"A {header.TileWidth}×{header.TileHeight} tile has {header.PixelCount} pixels, got {pixels.Length}.", nameof(pixels));
        }
        var length = PayloadLength(header.PixelCount);
        if (destination.Length < length)
        {
            throw new ArgumentException($"The tile needs {length} bytes, got {destination.Length}.", nameof(destination));
        }
        BinaryPrimitives.WriteUInt32BigEndian(destination, header.ImageId);
        destination[4] = (byte)header.Filter;
        destination[5] = (byte)header.FrameType;
        BinaryPrimitives.WriteUInt32BigEndian(destination[6..], header.ExposureMs);
        BinaryPrimitives.WriteUInt16BigEndian(destination[10..], (ushort)header.ImageWidth);
        BinaryPrimitives.WriteUInt16BigEndian(destination[12..], (ushort)header.ImageHeight);
        BinaryPrimitives.WriteUInt16BigEndian(destination[14..], (ushort)header.TileX);
        BinaryPrimitives.WriteUInt16BigEndian(destination[16..], (ushort)header.TileY);
        BinaryPrimitives.WriteUInt16BigEndian(destination[18..], (ushort)header.TileWidth);
        BinaryPrimitives.WriteUInt16BigEndian(destination[20..], (ushort)header.TileHeight);
        TwelveBitPacking.Pack(pixels, destination[HeaderLength..]);
        return length;
    }

    /// <summary>Reads and checks the header fields of a tile packet's user data.</summary>
    public static ExiTileHeader DecodeHeader(ReadOnlySpan<byte> payload)
    {
        PayloadFormatException.RequireLength(payload, HeaderLength, "EXI tile header");
        var filter = payload[4];
        var frameType = payload[5];
        if (filter > (int)ExiFilter.F635)
        {
            throw new PayloadFormatException($"EXI tile: filter code {filter} is not one of 0 (f220) … 5 (f635).");
        }
        if (frameType > (int)ExiFrameType.Flat)
        {
            throw new PayloadFormatException($"EXI tile: frame type {frameType} is not 0 (science), 1 (dark) or 2 (flat).");
        }
        var header = new ExiTileHeader(
            BinaryPrimitives.ReadUInt32BigEndian(payload),
            (ExiFilter)filter,
            (ExiFrameType)frameType,
            BinaryPrimitives.ReadUInt32BigEndian(payload[6..]),
            BinaryPrimitives.ReadUInt16BigEndian(payload[10..]),
            BinaryPrimitives.ReadUInt16BigEndian(payload[12..]),
            BinaryPrimitives.ReadUInt16BigEndian(payload[14..]),
            BinaryPrimitives.ReadUInt16BigEndian(payload[16..]),
            BinaryPrimitives.ReadUInt16BigEndian(payload[18..]),
            BinaryPrimitives.ReadUInt16BigEndian(payload[20..]));
        if (header.TileX + header.TileWidth > header.ImageWidth || header.TileY + header.TileHeight > header.ImageHeight)
        {
            throw new PayloadFormatException($"EXI tile: a {header.TileWidth}×{header.TileHeight} tile at ({header.TileX}, {header.TileY}) does not fit in a {header.ImageWidth}×{header.ImageHeight} image.");
        }
        PayloadFormatException.RequireLength(payload, PayloadLength(header.PixelCount), $"EXI tile of {header.TileWidth}×{header.TileHeight} pixels");
        return header;
    }

    /// <summary>Decodes a tile into <paramref name="pixels"/> (at least <see cref="ExiTileHeader.PixelCount"/> long), row-major.</summary>
    public static ExiTileHeader Decode(ReadOnlySpan<byte> payload, Span<ushort> pixels)
    {
        var header = DecodeHeader(payload);
        if (pixels.Length < header.PixelCount)
        {
            throw new ArgumentException($"The tile has {header.PixelCount} pixels; the destination holds {pixels.Length}.", nameof(pixels));
        }
        TwelveBitPacking.Unpack(payload[HeaderLength..], pixels[..header.PixelCount]);
        return header;
    }

    /// <summary>Decodes a tile straight into its place in a full image (row-major, <see cref="ExiTileHeader.ImageWidth"/> wide).</summary>
    public static ExiTileHeader DecodeInto(ReadOnlySpan<byte> payload, Span<ushort> image)
    {
        var header = DecodeHeader(payload);
        if (image.Length < header.ImageWidth * header.ImageHeight)
        {
            throw new ArgumentException($"The image is {header.ImageWidth}×{header.ImageHeight}; the destination holds {image.Length} pixels.", nameof(image));
        }
        var packed = payload[HeaderLength..];
        var rowBytes = TwelveBitPacking.PackedLength(header.TileWidth);
        if ((header.TileWidth & 1) == 0)
        {
            // Even-width rows start on a 3-byte boundary, so each row unpacks on its own.
            for (var row = 0; row < header.TileHeight; row++)
            {
                var start = ((header.TileY + row) * header.ImageWidth) + header.TileX;
                TwelveBitPacking.Unpack(packed.Slice(row * rowBytes, rowBytes), image.Slice(start, header.TileWidth));
            }
            return header;
        }
        Span<ushort> tile = header.PixelCount <= 16384 ? stackalloc ushort[header.PixelCount] : new ushort[header.PixelCount];
        TwelveBitPacking.Unpack(packed, tile);
        for (var row = 0; row < header.TileHeight; row++)
        {
            tile.Slice(row * header.TileWidth, header.TileWidth).CopyTo(image[(((header.TileY + row) * header.ImageWidth) + header.TileX)..]);
        }
        return header;
    }

    private static void Validate(in ExiTileHeader h)
    {
        if (h.ImageWidth is < 1 or > ushort.MaxValue || h.ImageHeight is < 1 or > ushort.MaxValue
            || h.TileWidth < 1 || h.TileHeight < 1 || h.TileX < 0 || h.TileY < 0
            || h.TileX + h.TileWidth > h.ImageWidth || h.TileY + h.TileHeight > h.ImageHeight)
        {
            throw new ArgumentException($"A {h.TileWidth}×{h.TileHeight} tile at ({h.TileX}, {h.TileY}) does not fit in a {h.ImageWidth}×{h.ImageHeight} image.", nameof(h));
        }
        if (!Enum.IsDefined(h.Filter) || !Enum.IsDefined(h.FrameType))
        {
            throw new ArgumentException($"Unknown filter {h.Filter} or frame type {h.FrameType}.", nameof(h));
        }
        if (PayloadLength(h.PixelCount) > 65530)
        {
            throw new ArgumentException($"A {h.TileWidth}×{h.TileHeight} tile does not fit in one packet.", nameof(h));
        }
    }
}
