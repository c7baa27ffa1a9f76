using System.Diagnostics.CodeAnalysis;

namespace Sdc.Events;

/// <summary>
/// Orders S3 <c>sequencer</c> values, which tell which of two events on the same key happened later.
/// S3 delivers events at least once and out of order, so a handler that sees an older event after a
/// newer one must be able to tell and drop it.
/// </summary>
/// <remarks>
/// Sequencers are hexadecimal strings of varying length. AWS says to pad the shorter with zeros and
/// then compare; a snapshot of the S3 Developer Guide (docs.aws.amazon.com/AmazonS3/latest/dev/
/// notification-content-structure.html) says "first right pad the shorter value with zeros and then do
/// lexicographical comparison", which is what this does. Beware that one archived copy of the same
/// page (awsdocs/amazon-s3-developer-guide, doc_source/notification-content-structure.md) says
/// "left pad" instead. Digits compare by value, so case does not matter, and values that differ only
/// by trailing zeros are equal. Only values for the same bucket and key are comparable: AWS gives no
/// order across keys.
/// </remarks>
public sealed class SequencerOrder : IComparer<string>
{
    /// <summary>The one instance; the order has no state.</summary>
    public static SequencerOrder Instance { get; } = new();

    private SequencerOrder()
    {
    }

    /// <summary>Whether <paramref name="sequencer"/> is one or more hexadecimal digits and nothing else.</summary>
    public static bool IsValid([NotNullWhen(true)] string? sequencer) =>
        !string.IsNullOrEmpty(sequencer) && AllHex(sequencer);

    /// <summary>Whether the event with <paramref name="candidate"/> happened after the one with <paramref name="current"/>.</summary>
    /// <exception cref="ArgumentException">Either is not a sequencer (<see cref="IsValid"/>).</exception>
    public static bool IsNewer(string candidate, string current)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(current);
        return Instance.Compare(candidate, current) > 0;
    }

    /// <summary>Negative when <paramref name="x"/> is older, positive when newer; null sorts first.</summary>
    /// <exception cref="ArgumentException">Either is not null and not a sequencer (<see cref="IsValid"/>).</exception>
    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        Check(x, nameof(x));
        Check(y, nameof(y));
        var length = Math.Max(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            // Past its end, the shorter value reads as the zeros it was padded with on the right.
            var a = i < x.Length ? HexValue(x[i]) : 0;
            var b = i < y.Length ? HexValue(y[i]) : 0;
            if (a != b)
            {
                return a < b ? -1 : 1;
            }
        }

        return 0;
    }

    private static void Check(string value, string parameter)
    {
        if (!IsValid(value))
        {
            var shown = value.Length > 60 ? value[..60] + "…" : value;
            throw new ArgumentException($"'{shown}' is not an S3 sequencer: expected one or more hexadecimal digits.", parameter);
        }
    }

    private static bool AllHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => c - 'A' + 10,
    };
}
