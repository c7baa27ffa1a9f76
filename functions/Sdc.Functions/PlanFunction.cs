using Sdc.Pipeline;

namespace Sdc.Functions;

/// <summary>
/// The pipeline's Plan task (<c>${PlanFunctionArn}</c>): <see cref="PlanRequest"/> in,
/// <see cref="PlanResult"/> out, each job's queue and definition the deployment's AWS Batch ones
/// (<see cref="BatchNames"/>). Handler string: <c>Sdc.Functions::Sdc.Functions.PlanFunction::HandleAsync</c>.
/// </summary>
public sealed class PlanFunction
{
    private static readonly TaskPayload Payload = new("Plan", """{"execution": <execution name>, "request": {"kind": …}, "stage": <number>}""");

    private readonly Func<Task<(Planner Planner, BatchNames Batch)>> _services;

    public PlanFunction()
        : this(async () =>
        {
            var cloud = await CloudServices.GetAsync();
            return (cloud.Planner, BatchNames.FromEnvironment());
        })
    {
    }

    public PlanFunction(Planner planner, BatchNames batch)
        : this(() => Task.FromResult((planner, batch)))
    {
    }

    private PlanFunction(Func<Task<(Planner, BatchNames)>> services) => _services = services;

    public async Task<Stream> HandleAsync(Stream input)
    {
        var request = Payload.Read(await FunctionIo.ReadAsync(input), PipelineJsonContext.Default.PlanRequest);
        Payload.Require(request.Execution, "execution");
        Payload.Require(request.Request?.Kind, "request.kind");
        var (planner, batch) = await _services();
        var plan = await planner.PlanAsync(request, CancellationToken.None);
        return FunctionIo.Write(batch.Apply(plan), PipelineJsonContext.Default.PlanResult);
    }
}
