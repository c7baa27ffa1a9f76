namespace Sdc.Instruments;

/// <summary>
/// The fields of an EXI image-tile packet before its pixels (see the byte table in README.md).
/// The tile covers columns <see cref="TileX"/>…<see cref="TileX"/>+<see cref="TileWidth"/>−1 and
/// rows <see cref="TileY"/>…<see cref="TileY"/>+<see cref="TileHeight"/>−1 of a
/// <see cref="ImageWidth"/>×<see cref="ImageHeight"/> image. The packet's time code is the start
/// of the exposure.
/// </summary>
public readonly record struct ExiTileHeader(
    uint ImageId,
    ExiFilter Filter,
    ExiFrameType FrameType,
    uint ExposureMs,
    int ImageWidth,
    int ImageHeight,
    int TileX,
    int TileY,
    int TileWidth,
    int TileHeight)
{
    public int PixelCount => TileWidth * TileHeight;

    /// <summary>Tiles in a full image with tiles of <paramref name="tileSize"/> (edge tiles may be narrower).</summary>
    public static int TilesPerImage(int imageWidth, int imageHeight, int tileSize) =>
        ((imageWidth + tileSize - 1) / tileSize) * ((imageHeight + tileSize - 1) / tileSize);
}
