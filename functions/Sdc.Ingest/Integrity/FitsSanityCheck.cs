using System.Text;

namespace Sdc.Ingest.Integrity;

/// <summary>A FITS file at a glance: the first card is <c>SIMPLE = T</c> and the file is whole 2880-byte blocks.</summary>
internal static class FitsSanityCheck
{
    public const int BlockLength = 2880;

    public static CheckFailure? Check(ReadOnlySpan<byte> head, long size, string fileName)
    {
        var card = Encoding.Latin1.GetString(head[..Math.Min(head.Length, 80)]);
        if (!card.StartsWith("SIMPLE  =", StringComparison.Ordinal) || card.Length < 30 || card[29] != 'T')
        {
            var shown = new string(card.Take(30).Select(c => c is >= ' ' and <= '~' ? c : '.').ToArray());
            return new CheckFailure(IntegrityCheck.Fits, IngestCodes.NotFits, "a FITS primary header starting 'SIMPLE  =                    T'",
                $"'{shown}'", $"{fileName}: not a FITS file (it does not start with SIMPLE = T)");
        }
        return size % BlockLength == 0
            ? null
            : new CheckFailure(IntegrityCheck.Fits, IngestCodes.NotFits, "a size that is a multiple of 2880 bytes", $"{size} bytes",
                $"{fileName}: {size} bytes is not a whole number of 2880-byte FITS blocks (truncated?)");
    }
}
