using System.Text.Json;
using System.Text.Json.Nodes;
using Sdc.States.Expressions;
using Sdc.States.Time;

namespace Sdc.States.Choice;

/// <summary>
/// Every comparison operator of the Choice state. A value of the wrong type does not match (a
/// NumericEquals against a string is simply false); the Is* operators test types and presence.
/// </summary>
internal static class Comparisons
{
    private static readonly Dictionary<string, Comparison> ByName = Build().ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static Comparison? Find(string name) => ByName.GetValueOrDefault(name);

    public static IEnumerable<string> Names => ByName.Keys;

    private static IEnumerable<Comparison> Build()
    {
        foreach (var (suffix, holds) in new (string, Func<int, bool>)[]
        {
            ("Equals", c => c == 0), ("LessThan", c => c < 0), ("GreaterThan", c => c > 0),
            ("LessThanEquals", c => c <= 0), ("GreaterThanEquals", c => c >= 0),
        })
        {
            foreach (var (type, compare) in new (string, Func<JsonNode?, JsonNode?, int?>)[]
            {
                ("String", CompareStrings), ("Numeric", CompareNumbers), ("Timestamp", CompareTimestamps),
            })
            {
                yield return new Comparison($"{type}{suffix}", false, false, (_, v, o) => compare(v, o) is { } c && holds(c));
                yield return new Comparison($"{type}{suffix}Path", true, false, (_, v, o) => compare(v, o) is { } c && holds(c));
            }
        }
        yield return new Comparison("BooleanEquals", false, false, (_, v, o) => Bool(v) is { } a && Bool(o) is { } b && a == b);
        yield return new Comparison("BooleanEqualsPath", true, false, (_, v, o) => Bool(v) is { } a && Bool(o) is { } b && a == b);
        yield return new Comparison("StringMatches", false, false, (_, v, o) => Text(v) is { } s && Text(o) is { } p && WildcardMatches(s, p));

        yield return TypeTest("IsPresent", (present, _) => present);
        yield return TypeTest("IsNull", (present, v) => present && v is null);
        yield return TypeTest("IsNumeric", (present, v) => present && v is JsonValue { } n && n.GetValueKind() == JsonValueKind.Number);
        yield return TypeTest("IsString", (present, v) => present && Text(v) is not null);
        yield return TypeTest("IsBoolean", (present, v) => present && Bool(v) is not null);
        yield return TypeTest("IsTimestamp", (present, v) => present && Text(v) is { } s && Timestamps.TryParse(s, out _));
    }

    // "IsNumeric": false matches exactly when the value is not numeric.
    private static Comparison TypeTest(string name, Func<bool, JsonNode?, bool> test) =>
        new(name, false, true, (present, v, o) => test(present, v) == (Bool(o) ?? true));

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static bool? Bool(JsonNode? node) => node is JsonValue v && v.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => true,
        _ => false,
    } ? v.GetValue<bool>() : null;

    private static int? CompareStrings(JsonNode? left, JsonNode? right) =>
        Text(left) is { } a && Text(right) is { } b ? Math.Sign(string.CompareOrdinal(a, b)) : null;

    private static int? CompareNumbers(JsonNode? left, JsonNode? right)
    {
        return JsonValues.IsNumber(left) && JsonValues.IsNumber(right) ? Math.Sign(JsonValues.CompareNumbers(left!, right!)) : null;
    }

    private static int? CompareTimestamps(JsonNode? left, JsonNode? right) =>
        Text(left) is { } a && Text(right) is { } b && Timestamps.TryParse(a, out var x) && Timestamps.TryParse(b, out var y)
            ? x.CompareTo(y)
            : null;

    /// <summary>StringMatches: <c>*</c> matches any run of characters; <c>\*</c> and <c>\\</c> are literal.</summary>
    internal static bool WildcardMatches(string text, string pattern)
    {
        var tokens = new List<(char Char, bool Star)>();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                tokens.Add((pattern[++i], false));
            }
            else
            {
                tokens.Add((pattern[i], pattern[i] == '*'));
            }
        }
        // Classic two-pointer glob match with backtracking to the last star.
        int t = 0, p = 0, starAt = -1, resumeAt = 0;
        while (t < text.Length)
        {
            if (p < tokens.Count && !tokens[p].Star && tokens[p].Char == text[t])
            {
                t++;
                p++;
            }
            else if (p < tokens.Count && tokens[p].Star)
            {
                starAt = p++;
                resumeAt = t;
            }
            else if (starAt >= 0)
            {
                p = starAt + 1;
                t = ++resumeAt;
            }
            else
            {
                return false;
            }
        }
        while (p < tokens.Count && tokens[p].Star)
        {
            p++;
        }
        return p == tokens.Count;
    }
}
