using System.Globalization;
using System.Text.RegularExpressions;

namespace Sdc.States.Validation;

/// <summary>
/// Timestamps as the States language requires them: the RFC 3339 profile of ISO 8601 with an uppercase
/// <c>T</c> between date and time and an uppercase <c>Z</c> when there is no numeric offset.
/// </summary>
internal static partial class Rfc3339
{
    public static bool IsValid(string text) =>
        Shape().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
