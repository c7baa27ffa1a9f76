using System.Text.Json.Nodes;

namespace Sdc.States.Tasks;

/// <summary>
/// Runs a Task state's work for one kind of resource (a Lambda function, a Batch job…). The host
/// supplies handlers through a <see cref="TaskResourceRegistry"/>. To fail the task, throw a
/// <see cref="Errors.StatesException"/> whose error name the definition's Retry/Catch can match
/// (Lambda reports the exception's class name); any other exception becomes
/// <c>States.TaskFailed</c>.
/// </summary>
public interface ITaskHandler
{
    Task<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken);
}
