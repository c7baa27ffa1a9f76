using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sdc.States.Errors;

namespace Sdc.States.Expressions.Intrinsics;

/// <summary>
/// The evaluated arguments of one call, with typed accessors that fail with
/// <see cref="StatesIntrinsicFailureException"/> naming the function and the argument.
/// </summary>
internal sealed class IntrinsicArguments(string function, JsonNode?[] values, IntrinsicNode[] sources)
{
    public int Count => values.Length;

    public JsonNode? this[int index] => values[index];

    public IntrinsicNode Source(int index) => sources[index];

    public string GetString(int index, string what)
    {
        if (JsonValues.TryGetString(values[index], out var s))
        {
            return s;
        }

        throw Fail(index, what, "a string");
    }

    public JsonArray GetArray(int index, string what) =>
        values[index] as JsonArray ?? throw Fail(index, what, "an array");

    public JsonObject GetObject(int index, string what) =>
        values[index] as JsonObject ?? throw Fail(index, what, "a JSON object");

    public bool GetBoolean(int index, string what) =>
        JsonValues.TryGetBoolean(values[index], out var b) ? b : throw Fail(index, what, "a boolean");

    public decimal GetNumber(int index, string what) =>
        JsonValues.TryGetDecimal(values[index], out var d) ? d : throw Fail(index, what, "a number");

    /// <summary>
    /// An integer argument. AWS documents that a non-integer is rounded to the nearest integer;
    /// halves round up (Java's Math.round), as recorded for States.MathAdd: -1.5 gives -1.
    /// </summary>
    public long GetRoundedInteger(int index, string what, long min = int.MinValue, long max = int.MaxValue)
    {
        var number = GetNumber(index, what);
        var value = number < (decimal)min - 1 || number > (decimal)max + 1 ? number : JavaRound(number);
        if (value < min || value > max)
        {
            throw new StatesIntrinsicFailureException(
                $"{function}: argument {index + 1} ({what}) must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, but was {JsonValues.ToJson(values[index])}.");
        }

        return (long)value;
    }

    public StatesIntrinsicFailureException Error(string message) => new($"{function}: {message}");

    /// <summary>Java's Math.round: floor(x + 0.5).</summary>
    public static decimal JavaRound(decimal value) => decimal.Floor(value + 0.5m);

    private StatesIntrinsicFailureException Fail(int index, string what, string expected)
    {
        var actual = values[index];
        var kind = JsonValues.KindOf(actual) switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };
        return new StatesIntrinsicFailureException(
            $"{function}: argument {index + 1} ({what}) must be {expected}, but was {kind}: {Abbreviate(JsonValues.ToJson(actual))}.");
    }

    private static string Abbreviate(string json) => json.Length <= 200 ? json : string.Concat(json.AsSpan(0, 200), "...");
}
