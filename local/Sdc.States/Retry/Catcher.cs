using System.Text.Json.Nodes;
using Sdc.States.Errors;
using Sdc.States.Processing;

namespace Sdc.States.Retry;

/// <summary>One Catch entry: the errors it handles, where the error output goes, and the state to go to.</summary>
internal sealed class Catcher(JsonObject json)
{
    private readonly ResultPathField _resultPath = ResultPathField.Read(json);

    public IReadOnlyList<string> ErrorEquals { get; } = json["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();

    public string Next { get; } = json["Next"]!.GetValue<string>();

    /// <summary>The state's raw input with <c>{"Error", "Cause"}</c> placed at ResultPath.</summary>
    public JsonNode? Output(JsonNode? rawInput, StatesException error)
    {
        var errorOutput = new JsonObject { ["Error"] = error.Error, ["Cause"] = error.Cause };
        return _resultPath.Apply(rawInput, errorOutput);
    }
}
