using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sdc.States.Validation;

/// <summary>Checks of single fields of a JSON object: presence, JSON type, range, exclusivity, path syntax.</summary>
internal static class Fields
{
    public static FrozenSet<string> Set(params IEnumerable<string>[] groups) =>
        groups.SelectMany(g => g).ToFrozenSet(StringComparer.Ordinal);

    public static bool Has(JsonObject obj, string field) => obj.ContainsKey(field);

    /// <summary>Reports every field of <paramref name="obj"/> outside <paramref name="allowed"/>.</summary>
    public static void OnlyAllowed(JsonObject obj, Site site, IReadOnlySet<string> allowed, string owner)
    {
        foreach (var (name, _) in obj)
        {
            if (!allowed.Contains(name))
            {
                site.Field(name).Report(ProblemCodes.FieldNotAllowed,
                    $"{owner} has no field \"{name}\"; its fields are {string.Join(", ", allowed.Order(StringComparer.Ordinal))}.");
            }
        }
    }

    public static void Require(JsonObject obj, Site site, string field, string owner)
    {
        if (!obj.ContainsKey(field))
        {
            site.Field(field).Report(ProblemCodes.MissingField, $"{owner} needs a \"{field}\" field.");
        }
    }

    public static string? String(JsonObject obj, Site site, string field, string owner, bool required = false)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            if (required)
            {
                Require(obj, site, field, owner);
            }
            return null;
        }
        if (Kind(node) != JsonValueKind.String)
        {
            site.Field(field).Report(ProblemCodes.InvalidFieldType, $"{field} must be a string, not {Describe(node)}.");
            return null;
        }
        return node!.GetValue<string>();
    }

    /// <summary>A string field whose value must be one of <paramref name="values"/> (case-sensitive).</summary>
    public static string? OneOf(JsonObject obj, Site site, string field, string owner, params string[] values)
    {
        var value = String(obj, site, field, owner);
        if (value is not null && !values.Contains(value, StringComparer.Ordinal))
        {
            site.Field(field).Report(ProblemCodes.InvalidValue,
                $"{field} is \"{value}\"; it must be {string.Join(" or ", values.Select(v => $"\"{v}\""))}.");
            return null;
        }
        return value;
    }

    public static bool? Boolean(JsonObject obj, Site site, string field)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return null;
        }
        var kind = Kind(node);
        if (kind is not (JsonValueKind.True or JsonValueKind.False))
        {
            site.Field(field).Report(ProblemCodes.InvalidFieldType, $"{field} must be true or false, not {Describe(node)}.");
            return null;
        }
        return kind == JsonValueKind.True;
    }

    /// <summary>
    /// An integer field within [<paramref name="min"/>, <paramref name="max"/>]. In a JSONata state a
    /// <c>{% … %}</c> expression stands in for the number and is not checked.
    /// </summary>
    public static long? Integer(JsonObject obj, Site site, string field, long min, long max, bool allowJsonata = false)
    {
        if (!obj.TryGetPropertyValue(field, out var node) || (allowJsonata && IsJsonataExpression(node)))
        {
            return null;
        }
        var expected = max >= int.MaxValue ? $"an integer of at least {min}" : $"an integer from {min} to {max}";
        if (Kind(node) != JsonValueKind.Number)
        {
            site.Field(field).Report(ProblemCodes.InvalidFieldType, $"{field} must be {expected}, not {Describe(node)}.");
            return null;
        }
        // As a double: JSON writes 5 and 5.0 alike for an integer, and the bounds are far inside its exact range.
        var value = node!.GetValue<double>();
        if (Math.Floor(value) != value)
        {
            site.Field(field).Report(ProblemCodes.InvalidFieldType, $"{field} is {Text(node)}; it must be {expected}.");
            return null;
        }
        if (value < min || value > max)
        {
            site.Field(field).Report(ProblemCodes.OutOfRange, $"{field} is {Text(node)}; it must be {expected}.");
            return null;
        }
        return (long)value;
    }

    /// <summary>A number field within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static double? Number(JsonObject obj, Site site, string field, double min, double max, bool allowJsonata = false)
    {
        if (!obj.TryGetPropertyValue(field, out var node) || (allowJsonata && IsJsonataExpression(node)))
        {
            return null;
        }
        var expected = double.IsPositiveInfinity(max)
            ? $"a number of at least {Text(min)}"
            : $"a number from {Text(min)} to {Text(max)}";
        if (Kind(node) != JsonValueKind.Number)
        {
            site.Field(field).Report(ProblemCodes.InvalidFieldType, $"{field} must be {expected}, not {Describe(node)}.");
            return null;
        }
        var value = node!.GetValue<double>();
        if (value < min || value > max)
        {
            site.Field(field).Report(ProblemCodes.OutOfRange, $"{field} is {Text(node)}; it must be {expected}.");
            return null;
        }
        return value;
    }

    public static JsonObject? Object(JsonObject obj, Site site, string field, string owner, bool required = false)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            if (required)
            {
                Require(obj, site, field, owner);
            }
            return null;
        }
        if (node is not JsonObject child)
        {
            site.Field(field).Report(ProblemCodes.InvalidFieldType, $"{field} must be a JSON object, not {Describe(node)}.");
            return null;
        }
        return child;
    }

    public static JsonArray? Array(JsonObject obj, Site site, string field, string owner, bool required = false, bool nonEmpty = false)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            if (required)
            {
                Require(obj, site, field, owner);
            }
            return null;
        }
        if (node is not JsonArray array)
        {
            site.Field(field).Report(ProblemCodes.InvalidFieldType, $"{field} must be an array, not {Describe(node)}.");
            return null;
        }
        if (nonEmpty && array.Count == 0)
        {
            site.Field(field).Report(ProblemCodes.EmptyArray, $"{field} is empty; it needs at least one element.");
        }
        return array;
    }

    /// <summary>Reports the second of two fields that exclude each other, when both are present.</summary>
    public static void AtMostOne(JsonObject obj, Site site, string first, string second)
    {
        if (obj.ContainsKey(first) && obj.ContainsKey(second))
        {
            site.Field(second).Report(ProblemCodes.MutuallyExclusiveFields,
                $"{first} and {second} exclude each other; keep only one.");
        }
    }

    /// <summary>A field holding a Path (any JSONPath, or the context object's <c>$$</c>); null allowed where the field means "nothing".</summary>
    public static void Path(JsonObject obj, Site site, string field, bool nullable = false)
    {
        if (PathText(obj, site, field, nullable, "a JSONPath such as \"$.items\"") is { } text
            && ExpressionSyntax.PathError(text) is { } error)
        {
            site.Field(field).Report(ProblemCodes.InvalidPath, $"{field} \"{text}\" is not a valid JSONPath: {error}");
        }
    }

    /// <summary>
    /// A field holding a Reference Path: a JSONPath that names a single node. ResultPath (and a catcher's)
    /// places a result into the input, so it takes names and indexes only; the other …Path fields read a
    /// value and may also address the context object with <c>$$</c>.
    /// </summary>
    public static void ReferencePath(JsonObject obj, Site site, string field, bool nullable = false)
    {
        if (PathText(obj, site, field, nullable, "a reference path such as \"$.result\"") is not { } text)
        {
            return;
        }
        var error = field == "ResultPath" ? ExpressionSyntax.ResultPathError(text) : ExpressionSyntax.DefinitePathError(text);
        if (error is not null)
        {
            site.Field(field).Report(ProblemCodes.InvalidReferencePath,
                $"{field} \"{text}\" is not a valid reference path (a JSONPath naming one node, such as \"$.result\"): {error}");
        }
    }

    private static string? PathText(JsonObject obj, Site site, string field, bool nullable, string expected)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return null;
        }
        var kind = Kind(node);
        if (kind == JsonValueKind.Null && nullable)
        {
            return null;
        }
        if (kind != JsonValueKind.String)
        {
            site.Field(field).Report(ProblemCodes.InvalidFieldType,
                $"{field} must be {expected}{(nullable ? " or null" : "")}, not {Describe(node)}.");
            return null;
        }
        return node!.GetValue<string>();
    }

    /// <summary>A JSONata expression as JSONata states write it: a string enclosed in <c>{%</c> and <c>%}</c>.</summary>
    public static bool IsJsonataExpression(JsonNode? node) =>
        Kind(node) == JsonValueKind.String && node!.GetValue<string>().Trim() is var s && s.StartsWith("{%", StringComparison.Ordinal) && s.EndsWith("%}", StringComparison.Ordinal);

    public static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    public static string Describe(JsonNode? node) => Kind(node) switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => Text(node!),
        JsonValueKind.Number => $"the number {Text(node!)}",
        JsonValueKind.String => $"the string {Text(node!)}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "an undefined value",
    };

    private static string Text(JsonNode node) => node.ToJsonString();

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
