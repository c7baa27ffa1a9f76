using System.Text.Json.Nodes;
using Sdc.States.Expressions;

namespace Sdc.States.Processing;

/// <summary>
/// ResultPath: where a state's result goes in its raw input. Absent means "$" (the result replaces
/// the input); JSON null discards the result and passes the input through; otherwise a reference
/// path, creating intermediate objects as needed.
/// </summary>
internal sealed class ResultPathField
{
    public static readonly ResultPathField ReplaceInput = new(null, discard: false);

    private readonly ReferencePath? _path;
    private readonly bool _discard;

    private ResultPathField(ReferencePath? path, bool discard)
    {
        _path = path;
        _discard = discard;
    }

    public static ResultPathField Read(JsonObject state, string field = "ResultPath")
    {
        if (!state.TryGetPropertyValue(field, out var value))
        {
            return ReplaceInput;
        }
        if (value is null)
        {
            return new ResultPathField(null, discard: true);
        }
        var text = value.GetValue<string>();
        return text == "$" ? ReplaceInput : new ResultPathField(ReferencePath.Parse(text), discard: false);
    }

    public JsonNode? Apply(JsonNode? rawInput, JsonNode? result)
    {
        if (_discard)
        {
            return rawInput;
        }
        return _path is null ? result : _path.Apply(rawInput, result);
    }
}
