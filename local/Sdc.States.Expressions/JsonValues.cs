using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sdc.States.Expressions;

/// <summary>
/// JSON value semantics as Step Functions applies them: numbers compare by value (1 equals 1.0),
/// JSON null is a C# <see langword="null"/> node, and text is written the way AWS writes it
/// (compact, non-ASCII and HTML characters left as they are).
/// </summary>
public static class JsonValues
{
    /// <summary>Compact JSON without the HTML-safe escaping System.Text.Json applies by default (AWS writes '&lt;' and 'é' as they are).</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = CreateSerializerOptions();

    /// <summary>The kind of a node, with <see langword="null"/> reported as <see cref="JsonValueKind.Null"/>.</summary>
    public static JsonValueKind KindOf(JsonNode? node) => node switch
    {
        null => JsonValueKind.Null,
        JsonObject => JsonValueKind.Object,
        JsonArray => JsonValueKind.Array,
        _ => node.GetValueKind(),
    };

    public static bool IsNull(JsonNode? node) => KindOf(node) == JsonValueKind.Null;

    public static bool IsNumber(JsonNode? node) => node is JsonValue && node.GetValueKind() == JsonValueKind.Number;

    public static bool IsString(JsonNode? node) => node is JsonValue && node.GetValueKind() == JsonValueKind.String;

    public static bool TryGetString(JsonNode? node, out string value)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            value = v.GetValue<string>();
            return true;
        }

        value = string.Empty;
        return false;
    }

    public static bool TryGetBoolean(JsonNode? node, out bool value)
    {
        switch (node is JsonValue ? node.GetValueKind() : JsonValueKind.Undefined)
        {
            case JsonValueKind.True:
                value = true;
                return true;
            case JsonValueKind.False:
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>The number as a decimal; false for a non-number or one outside decimal's range (e.g. 1e300).</summary>
    public static bool TryGetDecimal(JsonNode? node, out decimal value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (v.TryGetValue(out JsonElement element))
        {
            return element.TryGetDecimal(out value);
        }

        if (v.TryGetValue(out long l))
        {
            value = l;
            return true;
        }

        if (v.TryGetValue(out int i))
        {
            value = i;
            return true;
        }

        if (v.TryGetValue(out decimal d))
        {
            value = d;
            return true;
        }

        if (v.TryGetValue(out double dbl))
        {
            if (double.IsFinite(dbl) && Math.Abs(dbl) < 7.9e28)
            {
                value = (decimal)dbl;
                return true;
            }

            return false;
        }

        return decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The number as a double (always succeeds for a number, possibly losing precision).</summary>
    public static bool TryGetDouble(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (v.TryGetValue(out JsonElement element))
        {
            return element.TryGetDouble(out value);
        }

        if (v.TryGetValue(out double d))
        {
            value = d;
            return true;
        }

        if (TryGetDecimal(node, out var dec))
        {
            value = (double)dec;
            return true;
        }

        return double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>True for a number whose value is integral and fits a long (so 3 and 3.0 both qualify).</summary>
    public static bool TryGetInt64(JsonNode? node, out long value)
    {
        value = 0;
        if (!TryGetDecimal(node, out var d) || decimal.Truncate(d) != d || d < long.MinValue || d > long.MaxValue)
        {
            return false;
        }

        value = (long)d;
        return true;
    }

    /// <summary>Compares two numbers by value; both must be numbers.</summary>
    public static int CompareNumbers(JsonNode left, JsonNode right)
    {
        if (TryGetDecimal(left, out var l) && TryGetDecimal(right, out var r))
        {
            return l.CompareTo(r);
        }

        if (!TryGetDouble(left, out var ld) || !TryGetDouble(right, out var rd))
        {
            throw new ArgumentException("Both nodes must be JSON numbers.");
        }

        return ld.CompareTo(rd);
    }

    /// <summary>Structural equality: numbers by value, objects regardless of property order.</summary>
    public static bool DeepEquals(JsonNode? left, JsonNode? right)
    {
        var kind = KindOf(left);
        if (kind != KindOf(right))
        {
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.Null:
            case JsonValueKind.True:
            case JsonValueKind.False:
                return true;
            case JsonValueKind.Number:
                return CompareNumbers(left!, right!) == 0;
            case JsonValueKind.String:
                return string.Equals(left!.GetValue<string>(), right!.GetValue<string>(), StringComparison.Ordinal);
            case JsonValueKind.Array:
                {
                    var a = (JsonArray)left!;
                    var b = (JsonArray)right!;
                    if (a.Count != b.Count)
                    {
                        return false;
                    }

                    for (var i = 0; i < a.Count; i++)
                    {
                        if (!DeepEquals(a[i], b[i]))
                        {
                            return false;
                        }
                    }

                    return true;
                }

            case JsonValueKind.Object:
                {
                    var a = (JsonObject)left!;
                    var b = (JsonObject)right!;
                    if (a.Count != b.Count)
                    {
                        return false;
                    }

                    foreach (var (key, value) in a)
                    {
                        if (!b.TryGetPropertyValue(key, out var other) || !DeepEquals(value, other))
                        {
                            return false;
                        }
                    }

                    return true;
                }

            default:
                return false;
        }
    }

    /// <summary>A hash code consistent with <see cref="DeepEquals"/>.</summary>
    public static int GetDeepHashCode(JsonNode? node)
    {
        switch (KindOf(node))
        {
            case JsonValueKind.Null:
                return 0x1234;
            case JsonValueKind.True:
                return 0x2345;
            case JsonValueKind.False:
                return 0x3456;
            case JsonValueKind.Number:
                if (TryGetDecimal(node, out var d))
                {
                    return d.GetHashCode();
                }

                TryGetDouble(node, out var dbl);
                return dbl.GetHashCode();
            case JsonValueKind.String:
                return StringComparer.Ordinal.GetHashCode(node!.GetValue<string>());
            case JsonValueKind.Array:
                {
                    var hash = new HashCode();
                    foreach (var item in (JsonArray)node!)
                    {
                        hash.Add(GetDeepHashCode(item));
                    }

                    return hash.ToHashCode();
                }

            case JsonValueKind.Object:
                {
                    // Order-insensitive, as equality is.
                    var hash = 0x4567;
                    foreach (var (key, value) in (JsonObject)node!)
                    {
                        hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), GetDeepHashCode(value));
                    }

                    return hash;
                }

            default:
                return 0;
        }
    }

    /// <summary>Compact JSON text of a node ("null" for JSON null), as AWS prints it.</summary>
    public static string ToJson(JsonNode? node) => node is null ? "null" : node.ToJsonString(SerializerOptions);

    /// <summary>
    /// Forces the lazy parts of a parsed document (System.Text.Json builds an object's property
    /// table on first access) to exist now, so that later concurrent reads only read. Returns the node.
    /// </summary>
    public static JsonNode? Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Materialize(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Materialize(item);
                }

                break;
        }

        return node;
    }

    /// <summary>Matches <see cref="IEqualityComparer{T}"/> to <see cref="DeepEquals"/>, for sets of JSON values.</summary>
    public static IEqualityComparer<JsonNode?> EqualityComparer { get; } = new DeepEqualityComparer();

    private static JsonSerializerOptions CreateSerializerOptions()
    {
        var options = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = false,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class DeepEqualityComparer : IEqualityComparer<JsonNode?>
    {
        public bool Equals(JsonNode? x, JsonNode? y) => DeepEquals(x, y);

        public int GetHashCode(JsonNode? obj) => GetDeepHashCode(obj);
    }
}
