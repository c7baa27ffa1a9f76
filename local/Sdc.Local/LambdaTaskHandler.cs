using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Sdc.States.Errors;
using Sdc.States.Tasks;

namespace Sdc.Local;

/// <summary>
/// A Lambda task run in-process: the state's input is deserialized, the handler called, its result
/// serialized back. An exception fails the task with the exception's class name as the error, as
/// Lambda reports it, so pipeline.asl.json's Retry and Catch match the same names on both sides.
/// </summary>
public sealed class LambdaTaskHandler<TInput, TOutput>(
    Func<TInput, CancellationToken, Task<TOutput>> handler, JsonTypeInfo<TInput> input, JsonTypeInfo<TOutput> output) : ITaskHandler
{
    public async Task<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        TInput request;
        try
        {
            request = invocation.Input.Deserialize(input)
                ?? throw new JsonException("The task's input is null.");
        }
        catch (JsonException e)
        {
            throw new StatesException("Lambda.InvalidRequestContentException", $"{invocation.StateName}: {e.Message}");
        }
        try
        {
            var result = await handler(request, cancellationToken);
            return JsonSerializer.SerializeToNode(result, output);
        }
        catch (Exception e) when (e is not OperationCanceledException and not StatesException)
        {
            throw new StatesException(e.GetType().Name, e.Message);
        }
    }
}
