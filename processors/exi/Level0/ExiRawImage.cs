using Sdc.Ccsds;
using Sdc.Instruments;

namespace Sdc.Processors.Exi.Level0;

/// <summary>
/// One EXI frame as its tiles rebuilt it: the fields every tile repeats, the exposure start (the
/// tiles' packet time), the 12-bit pixels row-major (pixel (x, y) at <c>y·Width + x</c>), and a
/// per-pixel <see cref="ExiPixelQuality"/> in which pixels no tile covered stay
/// <see cref="ExiPixelQuality.Missing"/> (and 0 DN).
/// </summary>
public sealed class ExiRawImage
{
    internal ExiRawImage(in ExiTileHeader first, CucTime start, long offset)
    {
        ImageId = first.ImageId;
        Filter = first.Filter;
        FrameType = first.FrameType;
        ExposureMs = first.ExposureMs;
        Width = first.ImageWidth;
        Height = first.ImageHeight;
        Start = start;
        FirstOffset = offset;
        Pixels = new ushort[Width * Height];
        Quality = new byte[Width * Height];
        Quality.AsSpan().Fill((byte)ExiPixelQuality.Missing);
        MissingPixels = Pixels.Length;
    }

    public uint ImageId { get; }

    public ExiFilter Filter { get; }

    public ExiFrameType FrameType { get; }

    public uint ExposureMs { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Exposure start: the earliest packet time among the image's tiles.</summary>
    public CucTime Start { get; private set; }

    /// <summary>Byte offset of the image's first tile packet in its file.</summary>
    public long FirstOffset { get; }

    public ushort[] Pixels { get; }

    /// <summary><see cref="ExiPixelQuality"/> flags per pixel.</summary>
    public byte[] Quality { get; }

    public int Tiles { get; private set; }

    /// <summary>Pixels no tile covered.</summary>
    public int MissingPixels { get; private set; }

    public bool IsComplete => MissingPixels == 0;

    /// <summary>Whether a tile with these fields belongs to this image (same id is not enough: a corrupt tile may reuse it).</summary>
    internal bool Matches(in ExiTileHeader tile) =>
        tile.Filter == Filter && tile.FrameType == FrameType && tile.ExposureMs == ExposureMs && tile.ImageWidth == Width && tile.ImageHeight == Height;

    internal bool IsCovered(in ExiTileHeader tile) =>
        (Quality[(tile.TileY * Width) + tile.TileX] & (byte)ExiPixelQuality.Missing) == 0;

    internal void Cover(in ExiTileHeader tile, CucTime time)
    {
        for (var row = 0; row < tile.TileHeight; row++)
        {
            Quality.AsSpan(((tile.TileY + row) * Width) + tile.TileX, tile.TileWidth).Clear();
        }
        Tiles++;
        MissingPixels -= tile.PixelCount;
        if (time < Start)
        {
            Start = time;
        }
    }

    /// <summary>Flags pixels at or above <paramref name="saturationDn"/>; returns how many there are.</summary>
    public int FlagSaturated(int saturationDn)
    {
        var count = 0;
        for (var i = 0; i < Pixels.Length; i++)
        {
            if (Pixels[i] >= saturationDn && (Quality[i] & (byte)ExiPixelQuality.Missing) == 0)
            {
                Quality[i] |= (byte)ExiPixelQuality.Saturated;
                count++;
            }
        }
        return count;
    }

    public override string ToString() =>
        $"image 0x{ImageId:X8} ({Filter.Descriptor()} {FrameType.ToString().ToLowerInvariant()}, {Start})";
}
