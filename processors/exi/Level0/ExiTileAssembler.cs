using Sdc.Ccsds;
using Sdc.Instruments;

namespace Sdc.Processors.Exi.Level0;

/// <summary>
/// Puts EXI tile packets back into images, keyed by image id. Unsegmented packets (all the
/// simulator writes) are decoded straight from the reader's buffer; segmented ones are joined first.
/// Packets that cannot belong to an image are counted, not fatal; a tile whose payload is broken,
/// or that contradicts its image, is (<see cref="ExiTileFormatException"/>).
/// </summary>
internal sealed class ExiTileAssembler
{
    /// <summary>The largest frame accepted (4096×4096, the simulator's limit): a corrupt size must not allocate gigabytes.</summary>
    public const int MaxPixels = 4096 * 4096;

    private readonly Dictionary<uint, ExiRawImage> _byId = [];
    private readonly List<ExiRawImage> _images = [];
    private readonly SegmentAssembler _segments = new();
    private readonly SortedSet<string> _reasons = new(StringComparer.Ordinal);
    private long _ignored;
    private long? _firstIgnored;

    public void Add(in SpacePacket packet)
    {
        if (packet.Header.Apid != ExiImageTile.Apid)
        {
            Ignore(packet.Offset, $"APID 0x{packet.Header.Apid:X3}");
            return;
        }
        if (!packet.HasTime)
        {
            Ignore(packet.Offset, "no time code");
            return;
        }
        if (packet.Header.SequenceFlags == Segmentation.Unsegmented)
        {
            AddTile(packet.UserData.Span, packet.Time, packet.Offset);
            return;
        }
        if (_segments.TryAdd(packet, out var unit))
        {
            AddTile(unit!.Data.Span, unit.Time, unit.Offset);
        }
    }

    public ExiDecodedFile Complete(SequenceTracker sequence)
    {
        _segments.Complete();
        foreach (var problem in _segments.Problems)
        {
            Ignore(problem.Offset, "out-of-place segment");
        }
        return new ExiDecodedFile(_images, [.. sequence.Gaps], sequence.Packets, _ignored, _firstIgnored, [.. _reasons]);
    }

    private void AddTile(ReadOnlySpan<byte> payload, CucTime time, long offset)
    {
        ExiTileHeader tile;
        try
        {
            tile = ExiImageTile.DecodeHeader(payload);
        }
        catch (PayloadFormatException e)
        {
            throw new ExiTileFormatException(offset, e.Message, e);
        }
        if (tile.TileWidth < 1 || tile.TileHeight < 1 || (long)tile.ImageWidth * tile.ImageHeight > MaxPixels)
        {
            throw new ExiTileFormatException(offset, $"a {tile.TileWidth}x{tile.TileHeight} tile of a {tile.ImageWidth}x{tile.ImageHeight} image: empty tile or image larger than {MaxPixels} pixels");
        }
        if (!_byId.TryGetValue(tile.ImageId, out var image))
        {
            image = new ExiRawImage(tile, time, offset);
            _byId.Add(tile.ImageId, image);
            _images.Add(image);
        }
        else if (!image.Matches(tile))
        {
            throw new ExiTileFormatException(offset,
                $"a tile of image 0x{tile.ImageId:X8} says {tile.Filter.Descriptor()} {tile.FrameType} {tile.ExposureMs} ms {tile.ImageWidth}x{tile.ImageHeight}, " +
                $"its earlier tiles {image.Filter.Descriptor()} {image.FrameType} {image.ExposureMs} ms {image.Width}x{image.Height}");
        }
        if (image.IsCovered(tile))
        {
            Ignore(offset, "repeated tile");
            return;
        }
        ExiImageTile.DecodeInto(payload, image.Pixels);
        image.Cover(tile, time);
    }

    private void Ignore(long offset, string reason)
    {
        _ignored++;
        _firstIgnored ??= offset;
        _reasons.Add(reason);
    }
}
