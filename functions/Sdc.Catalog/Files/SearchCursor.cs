using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Sdc.Catalog.Files;

/// <summary>
/// The search position after a page: the sort key (start time in microseconds, id) of its last
/// row, as URL-safe base64 of "v1:start:id". Opaque to clients; the version prefix lets the
/// format change without misreading old cursors.
/// </summary>
internal readonly record struct SearchCursor(long StartTime, long Id)
{
    private const string Prefix = "v1:";

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{Prefix}{StartTime}:{Id}")));

    public static SearchCursor Decode(string cursor)
    {
        string text;
        try
        {
            text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException e)
        {
            throw Malformed(cursor, e);
        }

        var parts = text.Split(':');
        if (parts.Length != 3 || parts[0] + ":" != Prefix
            || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var start)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw Malformed(cursor, null);
        }

        return new SearchCursor(start, id);
    }

    private static InvalidCursorException Malformed(string cursor, Exception? inner)
    {
        var message = $"Malformed cursor '{cursor}': pass back the nextCursor of a previous page unchanged.";
        return inner is null ? new InvalidCursorException(message) : new InvalidCursorException(message, inner);
    }
}
