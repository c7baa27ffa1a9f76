using Sdc.Ccsds;

namespace Sdc.Processors.Exi.Level0;

/// <summary>
/// Decodes an EXI Level 0 file (CCSDS packets of APID 0x110, one 64×64 tile each) into images.
/// This is the processor's decode path, and the entry point a throughput benchmark calls.
/// </summary>
public static class ExiLevel0Decoder
{
    /// <summary>
    /// Reads every packet of <paramref name="stream"/> (left open) and returns the images they hold.
    /// Sequence gaps are reported in the result, not thrown.
    /// </summary>
    /// <exception cref="CcsdsFormatException">The bytes are not a packet stream (truncated, a length past the end); <c>Offset</c> says where.</exception>
    /// <exception cref="ExiTileFormatException">A tile payload is malformed or contradicts its image; <c>Offset</c> says where.</exception>
    public static async Task<ExiDecodedFile> DecodeAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new SpacePacketReader(stream, leaveOpen: true);
        var assembler = new ExiTileAssembler();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } packet)
        {
            assembler.Add(packet);
        }
        return assembler.Complete(reader.Sequence);
    }
}
