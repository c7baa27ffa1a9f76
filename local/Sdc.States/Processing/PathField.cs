using System.Text.Json.Nodes;
using Sdc.States.Errors;
using Sdc.States.Expressions;

namespace Sdc.States.Processing;

/// <summary>
/// An InputPath, OutputPath or ItemsPath field. The spec gives it three meanings: absent (use the
/// whole value, as if "$"), JSON null (use an empty object), or a path selecting part of the value.
/// </summary>
internal sealed class PathField
{
    public static readonly PathField Identity = new(null, isNull: false);

    private readonly JsonPath? _path;
    private readonly bool _isNull;

    private PathField(JsonPath? path, bool isNull)
    {
        _path = path;
        _isNull = isNull;
    }

    public static PathField Read(JsonObject state, string field)
    {
        if (!state.TryGetPropertyValue(field, out var value))
        {
            return Identity;
        }
        if (value is null)
        {
            return new PathField(null, isNull: true);
        }
        var text = value.GetValue<string>();
        return text == "$" ? Identity : new PathField(JsonPath.Parse(text), isNull: false);
    }

    public JsonNode? Apply(JsonNode? value, string stateName)
    {
        if (_isNull)
        {
            return new JsonObject();
        }
        if (_path is null)
        {
            return value;
        }
        if (_path.TryEvaluate(value, out var selected))
        {
            return selected;
        }
        throw new StatesRuntimeException(
            $"An error occurred while executing the state '{stateName}'. Invalid path '{_path.Text}' : No results for path: {_path.Text}");
    }
}
