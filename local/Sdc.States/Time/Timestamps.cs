using System.Globalization;
using System.Text.RegularExpressions;

namespace Sdc.States.Time;

/// <summary>
/// Timestamps as Step Functions accepts them: RFC 3339 with an upper-case T and a Z or numeric
/// offset ("2016-03-14T01:59:00Z"). A date without the T is not a timestamp (AWS fails the state).
/// </summary>
public static partial class Timestamps
{
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        return text is not null && Rfc3339().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
