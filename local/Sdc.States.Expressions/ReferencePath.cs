using System.Text.Json.Nodes;
using Sdc.States.Errors;
using Sdc.States.Expressions.Paths;

namespace Sdc.States.Expressions;

/// <summary>
/// A Reference Path (the ASL subset of JSONPath that names exactly one node: <c>$</c>, names and
/// non-negative indexes), used by ResultPath to place a state's result into its input.
/// <c>"ResultPath": null</c> (discard the result) is the engine's business, not this type's.
/// </summary>
public sealed class ReferencePath
{
    private readonly PathSegment[] _segments;

    private ReferencePath(string text, PathSegment[] segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>True for <c>$</c>: the result replaces the whole input.</summary>
    public bool IsRoot => _segments.Length == 0;

    /// <summary>Parses a reference path; anything but <c>$</c>, names and non-negative indexes is a <see cref="JsonPathSyntaxException"/>.</summary>
    public static ReferencePath Parse(string text)
    {
        var parsed = JsonPathParser.Parse(text);
        if (parsed.IsContext)
        {
            throw new JsonPathSyntaxException(text, text.IndexOf('$', StringComparison.Ordinal) + 1, "a reference path cannot address the context object ($$)");
        }

        foreach (var segment in parsed.Segments)
        {
            switch (segment)
            {
                case PropertySegment:
                case IndexSegment { Index: >= 0 }:
                    continue;
                case IndexSegment:
                    throw new JsonPathSyntaxException(text, segment.Position, "a reference path cannot use a negative index");
                default:
                    throw new JsonPathSyntaxException(text, segment.Position, "a reference path may use only names and indexes, so that it identifies a single node");
            }
        }

        return new ReferencePath(text, parsed.Segments);
    }

    /// <summary>
    /// Returns a new document: a copy of <paramref name="input"/> with a copy of
    /// <paramref name="result"/> placed at the path, creating missing intermediate objects.
    /// Neither argument is modified. Throws <see cref="StatesResultPathMatchFailureException"/>
    /// when the input, or a node on the way, is not an object (or, for an index, not an array
    /// long enough).
    /// </summary>
    public JsonNode? Apply(JsonNode? input, JsonNode? result)
    {
        if (IsRoot)
        {
            return result?.DeepClone();
        }

        var document = input?.DeepClone();
        JsonNode? current = document;
        for (var i = 0; i < _segments.Length; i++)
        {
            var last = i == _segments.Length - 1;
            switch (_segments[i], current)
            {
                case (PropertySegment property, JsonObject obj):
                    if (last)
                    {
                        obj[property.Name] = result?.DeepClone();
                        return document;
                    }

                    if (!obj.TryGetPropertyValue(property.Name, out var child))
                    {
                        if (_segments[i + 1] is not PropertySegment)
                        {
                            throw MatchFailure(input);
                        }

                        child = new JsonObject();
                        obj[property.Name] = child;
                    }

                    current = child;
                    break;
                case (IndexSegment index, JsonArray array) when index.Index < array.Count:
                    if (last)
                    {
                        array[index.Index] = result?.DeepClone();
                        return document;
                    }

                    current = array[index.Index];
                    break;
                default:
                    throw MatchFailure(input);
            }
        }

        return document;
    }

    public override string ToString() => Text;

    /// <summary>AWS's wording, e.g. <c>Unable to apply ReferencePath $.x to input "foo"</c>.</summary>
    private StatesResultPathMatchFailureException MatchFailure(JsonNode? input) =>
        new($"Unable to apply ReferencePath {Text} to input {JsonValues.ToJson(input)}");
}
