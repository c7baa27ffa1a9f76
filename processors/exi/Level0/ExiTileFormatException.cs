namespace Sdc.Processors.Exi.Level0;

/// <summary>
/// A packet whose payload is not a valid EXI tile (or housekeeping sample), or a tile that contradicts
/// the other tiles of its image. <see cref="Offset"/> is the packet's byte offset in its file.
/// </summary>
public sealed class ExiTileFormatException : FormatException
{
    public ExiTileFormatException()
    {
    }

    public ExiTileFormatException(string message)
        : base(message)
    {
    }

    public ExiTileFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ExiTileFormatException(long offset, string problem, Exception? innerException = null)
        : base($"packet at byte offset {offset}: {problem}", innerException)
    {
        Offset = offset;
    }

    public long Offset { get; }
}
