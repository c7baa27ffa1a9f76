using Sdc.Pipeline;

namespace Sdc.Functions;

/// <summary>
/// The pipeline's RecordFailure task (<c>${RecordJobFunctionArn}</c>): a job whose Batch run or
/// indexing failed, with the error Step Functions caught, becomes ERROR or TIMED_OUT in the
/// catalog. <see cref="JobFailure"/> in, <see cref="JobStatusResult"/> out.
/// Handler string: <c>Sdc.Functions::Sdc.Functions.RecordJobFunction::HandleAsync</c>.
/// </summary>
public sealed class RecordJobFunction
{
    private static readonly TaskPayload Payload = new("RecordFailure", """{"jobId": <number>, "error": "<error name>", "cause": "<cause>"}""");

    private readonly Func<Task<PipelineTasks>> _tasks;

    public RecordJobFunction()
        : this(async () => (await CloudServices.GetAsync()).Tasks)
    {
    }

    public RecordJobFunction(PipelineTasks tasks)
        : this(() => Task.FromResult(tasks))
    {
    }

    private RecordJobFunction(Func<Task<PipelineTasks>> tasks) => _tasks = tasks;

    public async Task<Stream> HandleAsync(Stream input)
    {
        var failure = Payload.Read(await FunctionIo.ReadAsync(input), PipelineJsonContext.Default.JobFailure);
        Payload.RequireId(failure.JobId, "jobId");
        var status = await (await _tasks()).RecordFailureAsync(failure, CancellationToken.None);
        return FunctionIo.Write(new JobStatusResult(failure.JobId, status), PipelineJsonContext.Default.JobStatusResult);
    }
}
