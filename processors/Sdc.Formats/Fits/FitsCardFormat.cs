using System.Globalization;
using System.Numerics;

namespace Sdc.Formats.Fits;

/// <summary>
/// The 80-character card images of FITS 4.0 section 4: fixed format (strings from column 11 with the
/// closing quote at column 20 or later, other values right-justified to column 30), CONTINUE for
/// strings that do not fit one card, and the parser for all of it.
/// </summary>
internal static class FitsCardFormat
{
    public const int CardLength = 80;

    // A piece of a long string: 80 - 10 (prefix) - 2 (quotes) - 1 ('&').
    private const int ContinuedPiece = 67;
    private const int CommentaryWidth = CardLength - 8;

    /// <summary>Appends the card image(s) of <paramref name="card"/>; returns true if it needed CONTINUE cards.</summary>
    public static bool Append(FitsCard card, List<string> lines)
    {
        if (card.IsCommentary)
        {
            var text = card.Comment ?? "";
            var start = 0;
            do
            {
                var piece = text.Substring(start, Math.Min(CommentaryWidth, text.Length - start));
                lines.Add(Pad(card.Keyword.PadRight(8) + piece));
                start += CommentaryWidth;
            }
            while (start < text.Length);
            return false;
        }

        var prefix = card.Keyword.PadRight(8) + "= ";
        if (card.Value is string s)
        {
            return AppendString(prefix, s, card.Comment, lines);
        }

        var value = card.Value switch
        {
            null => "",
            bool b => b ? "T" : "F",
            long l => l.ToString(CultureInfo.InvariantCulture),
            double d => FormatReal(d),
            Complex c => $"({FormatReal(c.Real)}, {FormatReal(c.Imaginary)})",
            _ => throw new InvalidOperationException($"Unexpected card value type {card.Value.GetType()}."),
        };
        lines.Add(WithComment(prefix + value.PadLeft(20), card.Comment));
        return false;
    }

    /// <summary>A real number that reads back to the same double, with a decimal point and upper-case exponent.</summary>
    public static string FormatReal(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e < 0 ? text : text[..e];
        var exponent = e < 0 ? "" : text[e..];
        return mantissa.Contains('.', StringComparison.Ordinal) ? text : mantissa + ".0" + exponent;
    }

    public static string Pad(string line) => line.Length >= CardLength ? line[..CardLength] : line.PadRight(CardLength);

    private static bool AppendString(string prefix, string value, string? comment, List<string> lines)
    {
        var escaped = value.Replace("'", "''", StringComparison.Ordinal);
        if (escaped.Length <= CardLength - prefix.Length - 2)
        {
            lines.Add(WithComment(prefix + Quote(escaped), comment));
            return false;
        }

        // Split the raw text so that a doubled quote never straddles two cards.
        var pieces = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in value)
        {
            var add = c == '\'' ? "''" : c.ToString();
            if (current.Length + add.Length > ContinuedPiece)
            {
                pieces.Add(current.ToString());
                current.Clear();
            }

            current.Append(add);
        }

        pieces.Add(current.ToString());
        for (var i = 0; i < pieces.Count; i++)
        {
            var last = i == pieces.Count - 1;
            var head = i == 0 ? prefix : "CONTINUE  ";
            if (!last)
            {
                lines.Add(Pad(head + "'" + pieces[i] + "&'"));
            }
            else if (comment is null || head.Length + pieces[i].Length + 2 + 3 + comment.Length <= CardLength)
            {
                lines.Add(WithComment(head + "'" + pieces[i] + "'", comment));
            }
            else
            {
                // No room for the comment beside the last piece: it goes on an empty continuation.
                lines.Add(Pad(head + "'" + pieces[i] + "&'"));
                lines.Add(WithComment("CONTINUE  ''", comment));
            }
        }

        return true;
    }

    private static string Quote(string escaped) => escaped.Length == 0 ? "''" : "'" + escaped.PadRight(8) + "'";

    private static string WithComment(string line, string? comment)
    {
        // Comments line up after column 30 when they fit there; one that does not fit at all is cut
        // (the value never is).
        if (comment is not null && line.Length + 4 <= CardLength)
        {
            var aligned = line.PadRight(30);
            line = (aligned.Length + 3 + comment.Length <= CardLength ? aligned : line) + " / " + comment;
        }

        return Pad(line);
    }

    /// <summary>
    /// Parses one card image. Throws <see cref="FormatException"/> with what was wrong and expected; the
    /// caller adds the HDU and byte offset.
    /// </summary>
    public static ParsedCard Parse(string card)
    {
        for (var i = 0; i < card.Length; i++)
        {
            if (card[i] is < ' ' or > '~')
            {
                throw new FormatException($"character 0x{(int)card[i]:X2} at column {i + 1}; header cards must be printable ASCII (0x20-0x7E)");
            }
        }

        var keyword = card[..8].TrimEnd();
        if (keyword.Contains(' ', StringComparison.Ordinal) ||
            !keyword.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
        {
            throw new FormatException($"keyword '{keyword}' in columns 1-8; expected A-Z, 0-9, '-' or '_', left-justified");
        }

        keyword = keyword.ToUpperInvariant();
        var isContinue = keyword == "CONTINUE";
        var hasValue = isContinue || (card[8..10] == "= " && keyword is not ("COMMENT" or "HISTORY" or ""));
        if (!hasValue)
        {
            return new ParsedCard(keyword, null, card[8..].TrimEnd(), IsCommentary: true);
        }

        var field = card[10..];
        var (value, comment) = ParseValue(keyword, field);
        return new ParsedCard(keyword, value, comment, IsCommentary: false);
    }

    private static (object? Value, string? Comment) ParseValue(string keyword, string field)
    {
        var i = 0;
        while (i < field.Length && field[i] == ' ')
        {
            i++;
        }

        if (i < field.Length && field[i] == '\'')
        {
            var text = new System.Text.StringBuilder();
            var j = i + 1;
            while (true)
            {
                if (j >= field.Length)
                {
                    throw new FormatException($"{keyword}: the string value has no closing quote; expected 'text' (a quote inside is written '')");
                }

                if (field[j] == '\'')
                {
                    if (j + 1 < field.Length && field[j + 1] == '\'')
                    {
                        text.Append('\'');
                        j += 2;
                        continue;
                    }

                    break;
                }

                text.Append(field[j++]);
            }

            var rest = field[(j + 1)..].TrimStart();
            if (rest.Length > 0 && rest[0] != '/')
            {
                throw new FormatException($"{keyword}: unexpected '{rest.TrimEnd()}' after the string value; expected ' / comment' or nothing");
            }

            return (text.ToString().TrimEnd(' '), Comment(rest));
        }

        var slash = field.IndexOf('/', StringComparison.Ordinal);
        var token = (slash < 0 ? field : field[..slash]).Trim();
        var comment = slash < 0 ? null : Comment(field[slash..]);
        if (token.Length == 0)
        {
            return (null, comment);
        }

        return (ParseScalar(keyword, token), comment);
    }

    private static object ParseScalar(string keyword, string token)
    {
        switch (token)
        {
            case "T":
                return true;
            case "F":
                return false;
        }

        if (token[0] == '(' && token[^1] == ')')
        {
            var parts = token[1..^1].Split(',');
            if (parts.Length == 2 && TryReal(parts[0].Trim(), out var re) && TryReal(parts[1].Trim(), out var im))
            {
                return new Complex(re, im);
            }
        }
        else if (token[(token[0] is '+' or '-' ? 1 : 0)..] is { Length: > 0 } digits && digits.All(char.IsAsciiDigit))
        {
            // Kept apart: a conditional expression would make the long a double.
            if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            {
                return l;
            }

            return double.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        else if (TryReal(token, out var d))
        {
            return d;
        }

        throw new FormatException($"{keyword}: cannot read the value '{token}'; expected a quoted string, T or F, an integer or a floating-point number");
    }

    private static bool TryReal(string token, out double value)
    {
        value = 0;
        return token.Length > 0 &&
               token.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or '.' or 'E' or 'e' or 'D' or 'd') &&
               double.TryParse(token.Replace('D', 'E').Replace('d', 'e'), NumberStyles.Float, CultureInfo.InvariantCulture, out value) &&
               double.IsFinite(value);
    }

    private static string? Comment(string rest) => rest.Length == 0 ? null : rest[1..].Trim();
}

internal readonly record struct ParsedCard(string Keyword, object? Value, string? Comment, bool IsCommentary);
