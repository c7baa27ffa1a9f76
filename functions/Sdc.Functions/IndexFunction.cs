using Sdc.Ingest.Indexing;
using Sdc.Pipeline;

namespace Sdc.Functions;

/// <summary>
/// The pipeline's Index task (<c>${IndexFunctionArn}</c>), after each Batch job:
/// <see cref="IndexTaskRequest"/> in, the job's status (OK or WARNING) and product counts out. A
/// missing or malformed outputs.json fails with <see cref="JobOutputsException"/>, which the state
/// machine catches and records. (ITF uploads are <see cref="IndexerFunction"/>'s.)
/// Handler string: <c>Sdc.Functions::Sdc.Functions.IndexFunction::HandleAsync</c>.
/// </summary>
public sealed class IndexFunction
{
    private static readonly TaskPayload Payload = new("Index", """{"jobId": <number>, "outputPrefix": "jobs/…/", "exitCode": <number>}""");

    private readonly Func<Task<PipelineTasks>> _tasks;

    public IndexFunction()
        : this(async () => (await CloudServices.GetAsync()).Tasks)
    {
    }

    public IndexFunction(PipelineTasks tasks)
        : this(() => Task.FromResult(tasks))
    {
    }

    private IndexFunction(Func<Task<PipelineTasks>> tasks) => _tasks = tasks;

    public async Task<Stream> HandleAsync(Stream input)
    {
        var request = Payload.Read(await FunctionIo.ReadAsync(input), PipelineJsonContext.Default.IndexTaskRequest);
        Payload.RequireId(request.JobId, "jobId");
        Payload.Require(request.OutputPrefix, "outputPrefix");
        var result = await (await _tasks()).IndexAsync(request, CancellationToken.None);
        return FunctionIo.Write(result, PipelineJsonContext.Default.IndexTaskResult);
    }
}
