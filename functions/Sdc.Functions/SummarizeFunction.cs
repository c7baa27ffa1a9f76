using Sdc.Pipeline;

namespace Sdc.Functions;

/// <summary>
/// The pipeline's Summarize and SummarizePlanFailure tasks (<c>${SummarizeFunctionArn}</c>): closes
/// the execution's run with OK, WARNING or ERROR. <see cref="RunSummaryRequest"/> in (with the
/// planner's error and cause when planning failed), <see cref="RunSummary"/> out.
/// Handler string: <c>Sdc.Functions::Sdc.Functions.SummarizeFunction::HandleAsync</c>.
/// </summary>
public sealed class SummarizeFunction
{
    private static readonly TaskPayload Payload = new("Summarize", """{"execution": <execution name>} (and "error", "cause" when planning failed)""");

    private readonly Func<Task<PipelineTasks>> _tasks;

    public SummarizeFunction()
        : this(async () => (await CloudServices.GetAsync()).Tasks)
    {
    }

    public SummarizeFunction(PipelineTasks tasks)
        : this(() => Task.FromResult(tasks))
    {
    }

    private SummarizeFunction(Func<Task<PipelineTasks>> tasks) => _tasks = tasks;

    public async Task<Stream> HandleAsync(Stream input)
    {
        var request = Payload.Read(await FunctionIo.ReadAsync(input), PipelineJsonContext.Default.RunSummaryRequest);
        Payload.Require(request.Execution, "execution");
        var summary = await (await _tasks()).SummarizeAsync(request, CancellationToken.None);
        return FunctionIo.Write(summary, PipelineJsonContext.Default.RunSummary);
    }
}
