using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sdc.Functions;

/// <summary>
/// A pipeline task's payload, as pipeline.asl.json's <c>Parameters</c> shape it. Only Step Functions
/// sends these, but a state machine edited out of step with the functions should fail on the
/// field it forgot, not with a null reference three calls deeper.
/// </summary>
internal sealed class TaskPayload(string task, string expected)
{
    public T Read<T>(byte[] json, JsonTypeInfo<T> type)
        where T : class
    {
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(json, type);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The {task} task's payload does not read as {expected}: {e.Message}", e);
        }
        return value ?? throw new InvalidDataException($"The {task} task's payload is null; expected {expected}.");
    }

    public void Require(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidDataException($"The {task} task's payload has no \"{field}\"; expected {expected}.");
        }
    }

    public void RequireId(long value, string field)
    {
        if (value <= 0)
        {
            throw new InvalidDataException($"The {task} task's payload has no \"{field}\" (a job's catalog id, from the Plan task); expected {expected}.");
        }
    }
}
