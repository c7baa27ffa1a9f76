using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json.Nodes;
using Sdc.States.Errors;
using Sdc.States.Expressions.Paths;

namespace Sdc.States.Expressions;

/// <summary>
/// A compiled JSONPath, in the dialect Step Functions uses (Jayway's). Parse once, evaluate many
/// times; instances are immutable and thread-safe. A path that starts with <c>$$</c> addresses the
/// context object: it is evaluated against whatever root the caller passes (the context node).
/// </summary>
public sealed class JsonPath
{
    private readonly PathSegment[] _segments;
    private string? _canonical;

    private JsonPath(string text, ParsedPath parsed)
    {
        Text = text;
        _segments = parsed.Segments;
        IsContextReference = parsed.IsContext;
        IsDefinite = PathEvaluator.AllDefinite(parsed.Segments);
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>True when the path can select at most one node (no wildcard, filter, slice, recursive descent or union).</summary>
    public bool IsDefinite { get; }

    /// <summary>True for a <c>$$</c> path, which the caller evaluates against the context object.</summary>
    public bool IsContextReference { get; }

    /// <summary>True for a path only <c>$</c> (or <c>$$</c>), which selects the whole root.</summary>
    public bool IsRoot => _segments.Length == 0;

    /// <summary>Jayway's normalized form, e.g. <c>$['a'][0]</c> for <c>$.a[0]</c>; AWS quotes it in error causes.</summary>
    public string CanonicalText => _canonical ??= BuildCanonical(_segments.Length);

    internal PathSegment[] Segments => _segments;

    /// <summary>True when <paramref name="text"/> addresses the context object (starts with <c>$$</c>).</summary>
    public static bool IsContextPath(string? text) => text is not null && text.TrimStart().StartsWith("$$", StringComparison.Ordinal);

    /// <summary>Parses a path; throws <see cref="JsonPathSyntaxException"/> naming the position of the fault.</summary>
    public static JsonPath Parse(string text) => new(text, JsonPathParser.Parse(text));

    public static bool TryParse(string? text, [NotNullWhen(true)] out JsonPath? path)
    {
        path = null;
        if (text is null)
        {
            return false;
        }

        try
        {
            path = Parse(text);
            return true;
        }
        catch (JsonPathSyntaxException)
        {
            return false;
        }
    }

    /// <summary>
    /// Evaluates the path. A definite path returns false when any step is absent; an indefinite
    /// path always returns true, with a new array of its matches (empty when none, as AWS gives
    /// <c>[]</c>). The result is a deep copy the caller may mutate. JSON null is a found
    /// <see langword="null"/> result; absence is the false return.
    /// </summary>
    public bool TryEvaluate(JsonNode? root, out JsonNode? result)
    {
        if (!TrySelect(root, out result))
        {
            return false;
        }

        if (IsDefinite)
        {
            result = result?.DeepClone();
        }

        return true;
    }

    /// <summary>
    /// Evaluates the path or fails as AWS does for InputPath, OutputPath, ItemsPath and the like:
    /// <see cref="StatesRuntimeException"/> with the cause
    /// <c>Invalid path '$.x' : No results for path: $['x']</c>.
    /// </summary>
    public JsonNode? Evaluate(JsonNode? root)
    {
        if (TryEvaluate(root, out var result))
        {
            return result;
        }

        throw new StatesRuntimeException($"Invalid path '{Text}' : {DescribeMissing(root)}");
    }

    public override string ToString() => Text;

    /// <summary>Like <see cref="TryEvaluate"/> but a definite result is the node inside <paramref name="root"/>, not a copy.</summary>
    internal bool TrySelect(JsonNode? root, out JsonNode? result)
    {
        if (IsDefinite)
        {
            return PathEvaluator.TrySelectDefinite(_segments, root, out result);
        }

        result = PathEvaluator.SelectAllAsArray(_segments, root);
        return true;
    }

    /// <summary>
    /// Jayway's wording for a definite path that selects nothing: "Missing property in path
    /// $['a']" when a property before the last step is absent, else "No results for path: ...".
    /// </summary>
    internal string DescribeMissing(JsonNode? root)
    {
        var current = root;
        for (var i = 0; i < _segments.Length; i++)
        {
            var parent = current;
            if (_segments[i].TrySelect(parent, out current))
            {
                continue;
            }

            if (i < _segments.Length - 1 && _segments[i] is PropertySegment && parent is JsonObject)
            {
                return $"Missing property in path {BuildCanonical(i + 1)}";
            }

            break;
        }

        return $"No results for path: {CanonicalText}";
    }

    private string BuildCanonical(int count)
    {
        var builder = new StringBuilder("$");
        for (var i = 0; i < count; i++)
        {
            _segments[i].AppendCanonical(builder);
        }

        return builder.ToString();
    }
}
