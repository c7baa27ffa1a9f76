using Sdc.Pipeline;

namespace Sdc.Functions;

/// <summary>
/// The pipeline's Plan task (<c>${PlanFunctionArn}</c>): <see cref="PlanRequest"/> in,
/// <see cref="PlanResult"/> out, each job's queue and definition the deployment's AWS Batch ones
/// (<see cref="BatchNames"/>), each job's file stored in the products bucket and passed by its
/// <c>s3://</c> location (<see cref="JobFiles"/>). Handler string: <c>Sdc.Functions::Sdc.Functions.PlanFunction::HandleAsync</c>.
/// </summary>
public sealed class PlanFunction
{
    private static readonly TaskPayload Payload = new("Plan", """{"execution": <execution name>, "request": {"kind": …}, "stage": <number>}""");

    private readonly Func<Task<(Planner Planner, BatchNames Batch, JobFiles? Files)>> _services;

    public PlanFunction()
        : this(async () =>
        {
            var cloud = await CloudServices.GetAsync();
            return (cloud.Planner, BatchNames.FromEnvironment(), new JobFiles(cloud.Store, new S3FileLocator(cloud.Buckets)));
        })
    {
    }

    /// <summary>With <paramref name="files"/> null, job files stay inline in the plan.</summary>
    public PlanFunction(Planner planner, BatchNames batch, JobFiles? files = null)
        : this(() => Task.FromResult((planner, batch, files)))
    {
    }

    private PlanFunction(Func<Task<(Planner, BatchNames, JobFiles?)>> services) => _services = services;

    public async Task<Stream> HandleAsync(Stream input)
    {
        var request = Payload.Read(await FunctionIo.ReadAsync(input), PipelineJsonContext.Default.PlanRequest);
        Payload.Require(request.Execution, "execution");
        Payload.Require(request.Request?.Kind, "request.kind");
        var (planner, batch, files) = await _services();
        var plan = batch.Apply(await planner.PlanAsync(request, CancellationToken.None));
        if (files is not null)
        {
            plan = await files.StoreAsync(plan, CancellationToken.None);
        }
        return FunctionIo.Write(plan, PipelineJsonContext.Default.PlanResult);
    }
}
