namespace Sdc.Formats.Fits;

/// <summary>
/// Moves one data unit between its in-memory arrays and FITS big-endian bytes, a chunk at a time, in
/// order. Chunks hold whole units of <see cref="Granularity"/> bytes (a pixel, a table row).
/// </summary>
internal abstract class DataCodec
{
    /// <summary>Bytes of data, without padding.</summary>
    public abstract long Length { get; }

    public abstract int Granularity { get; }

    /// <summary>Writes the next whole units that fit; returns the bytes written, 0 at the end.</summary>
    public abstract int Fill(Span<byte> destination);

    /// <summary>Decodes the next bytes (whole units) into the arrays.</summary>
    public abstract void Consume(ReadOnlySpan<byte> source);

    /// <summary>Starts again from the first unit.</summary>
    public abstract void Reset();
}
