using System.Text;

namespace Sdc.Api.Endpoints;

/// <summary>
/// The primary header of a FITS file as the portal shows it: every 80-character card up to END,
/// split into keyword, value and comment as FITS writes them (a quoted string value may hold '/';
/// doubled quotes inside it are one quote). Reads at most <see cref="MaxBlocks"/> blocks.
/// </summary>
internal static class FitsHeaderCards
{
    public const int MaxBlocks = 36;

    private const int BlockBytes = 2880;
    private const int CardBytes = 80;

    /// <summary>The cards, or null when the bytes do not start like a FITS file or END never comes.</summary>
    public static async Task<IReadOnlyList<(string Keyword, string? Value, string? Comment)>?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var cards = new List<(string, string?, string?)>();
        var block = new byte[BlockBytes];
        for (var blocks = 0; blocks < MaxBlocks; blocks++)
        {
            try
            {
                await stream.ReadExactlyAsync(block, cancellationToken);
            }
            catch (EndOfStreamException)
            {
                return null;
            }
            for (var offset = 0; offset < BlockBytes; offset += CardBytes)
            {
                var card = Encoding.ASCII.GetString(block, offset, CardBytes);
                if (blocks == 0 && offset == 0 && !card.StartsWith("SIMPLE  =", StringComparison.Ordinal))
                {
                    return null;
                }
                var keyword = card[..8].TrimEnd();
                if (keyword == "END")
                {
                    return cards;
                }
                cards.Add(Split(keyword, card));
            }
        }
        return null;
    }

    private static (string, string?, string?) Split(string keyword, string card)
    {
        if (card.Length < 10 || card[8] != '=' || card[9] != ' ')
        {
            // Commentary (COMMENT, HISTORY, blank): the rest is text.
            var text = card[8..].TrimEnd();
            return (keyword, null, text.Length == 0 ? null : text);
        }
        var rest = card[10..];
        var trimmed = rest.TrimStart();
        if (trimmed.StartsWith('\''))
        {
            var value = new StringBuilder();
            var i = 1;
            while (i < trimmed.Length)
            {
                if (trimmed[i] == '\'')
                {
                    if (i + 1 < trimmed.Length && trimmed[i + 1] == '\'')
                    {
                        value.Append('\'');
                        i += 2;
                        continue;
                    }
                    break;
                }
                value.Append(trimmed[i++]);
            }
            var after = i + 1 < trimmed.Length ? trimmed[(i + 1)..] : "";
            return (keyword, value.ToString().TrimEnd(), Comment(after));
        }
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (keyword, rest.Trim(), null) : (keyword, rest[..slash].Trim(), Comment(rest[slash..]));
    }

    private static string? Comment(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return null;
        }
        var comment = text[(slash + 1)..].Trim();
        return comment.Length == 0 ? null : comment;
    }
}
