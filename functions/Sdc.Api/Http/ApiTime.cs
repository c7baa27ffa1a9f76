using System.Globalization;

namespace Sdc.Api.Http;

/// <summary>How the API reads and writes times: ISO 8601 in UTC.</summary>
public static class ApiTime
{
    public const string Expected = "a UTC date (2021-02-24) or time (2021-02-24T06:00:00Z)";

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm'Z'",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFzzz",
    ];

    /// <summary>Parses <paramref name="value"/>; a bad value is a 400 naming <paramref name="parameter"/>.</summary>
    public static DateTimeOffset Parse(string value, string parameter)
    {
        if (DateTimeOffset.TryParseExact(value, Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }
        throw ApiProblemException.BadParameter(parameter, $"{parameter}={QueryParameters.Shown(value)} is not a time.", Expected);
    }

    /// <summary>A time in a request body's <paramref name="field"/>: missing or malformed is a bad-body problem naming it.</summary>
    public static DateTimeOffset ParseField(string? value, string field)
    {
        if (value is null)
        {
            throw ApiProblemException.BadBody($"{field} is missing.", field, Expected);
        }
        try
        {
            return Parse(value, field);
        }
        catch (ApiProblemException)
        {
            throw ApiProblemException.BadBody($"{field} '{QueryParameters.Shown(value)}' is not a time.", field, Expected);
        }
    }

    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString(time.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'",
            CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? time) => time is { } t ? Format(t) : null;
}
