using System.Globalization;

namespace Sdc.Api.Http;

/// <summary>
/// A route's query parameters, read strictly: only the names the route accepts, each at most
/// once, no value longer than <see cref="MaxValueLength"/>; every refusal names the parameter and
/// the accepted form. Unknown parameters are refused rather than ignored, so a misspelt filter
/// (<c>instrumnet=exi</c>) cannot silently return everything.
/// </summary>
public sealed class QueryParameters
{
    public const int MaxValueLength = 256;

    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _query;

    public QueryParameters(IReadOnlyDictionary<string, IReadOnlyList<string>> query, params string[] accepted)
    {
        ArgumentNullException.ThrowIfNull(query);
        foreach (var (name, values) in query)
        {
            if (!accepted.Contains(name, StringComparer.Ordinal))
            {
                throw ApiProblemException.BadParameter(Shown(name), $"Unknown query parameter '{Shown(name)}'.",
                    accepted.Length == 0 ? "no query parameters" : "one of: " + string.Join(", ", accepted));
            }
            if (values.Count > 1)
            {
                throw ApiProblemException.BadParameter(name, $"Query parameter '{name}' is given {values.Count} times.", "at most once");
            }
            if (values.Count == 1 && values[0].Length > MaxValueLength)
            {
                throw ApiProblemException.BadParameter(name, $"Query parameter '{name}' is {values[0].Length} characters long.", $"at most {MaxValueLength} characters");
            }
        }
        _query = query;
    }

    /// <summary>The value, or null when absent or empty.</summary>
    public string? Text(string name) =>
        _query.TryGetValue(name, out var values) && values.Count == 1 && values[0].Length > 0 ? values[0] : null;

    /// <summary>A lower-case identifier (instrument, level, descriptor): letters, digits, '-' and '_'.</summary>
    public string? Name(string name, string expected)
    {
        var value = Text(name);
        if (value is null)
        {
            return null;
        }
        if (value.Length > 64 || !value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
        {
            throw ApiProblemException.BadParameter(name, $"{name}={Shown(value)} is not a valid name.", expected);
        }
        return value;
    }

    /// <summary>One of <paramref name="choices"/>, or null when absent.</summary>
    public string? Choice(string name, params string[] choices)
    {
        var value = Text(name);
        if (value is null || choices.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }
        throw ApiProblemException.BadParameter(name, $"{name}={Shown(value)} is not accepted.", "one of: " + string.Join(", ", choices));
    }

    public int? Number(string name, int min, int max)
    {
        var value = Text(name);
        if (value is null)
        {
            return null;
        }
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            throw ApiProblemException.BadParameter(name, $"{name}={Shown(value)} is not a whole number from {min} to {max}.", $"an integer from {min} to {max}");
        }
        return number;
    }

    /// <summary>A UTC date (<c>2021-02-24</c>, midnight) or time (<c>2021-02-24T06:00:00Z</c>).</summary>
    public DateTimeOffset? Time(string name)
    {
        var value = Text(name);
        return value is null ? null : ApiTime.Parse(value, name);
    }

    /// <summary>Values are echoed in messages; control characters and excess length would only make them unreadable.</summary>
    internal static string Shown(string value)
    {
        var clean = new string([.. value.Take(64).Select(c => char.IsControl(c) ? '?' : c)]);
        return value.Length > 64 ? clean + "…" : clean;
    }
}
