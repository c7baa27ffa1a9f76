using System.Text.Json.Nodes;

namespace Sdc.States.Mocks;

/// <summary>What one mocked invocation of a Task does: return a result, or fail with an error.</summary>
public abstract record MockedOutcome
{
    private MockedOutcome()
    {
    }

    /// <summary><c>"Return": …</c>: the task's result, as given (a Lambda <c>Payload</c> wrapper is the config's to write).</summary>
    public sealed record Returns(JsonNode? Value) : MockedOutcome;

    /// <summary><c>"Throw": { "Error": …, "Cause": … }</c>: the task fails with this error, which Retry and Catch see.</summary>
    public sealed record Throws(string Error, string? Cause) : MockedOutcome;
}
