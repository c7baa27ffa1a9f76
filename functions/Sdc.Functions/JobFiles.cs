using System.Text;
using Sdc.Ingest.Layout;
using Sdc.Pipeline;
using Sdc.Storage;

namespace Sdc.Functions;

/// <summary>
/// Puts each planned job's file beside its outputs (<c>products:&lt;outputPrefix&gt;job.json</c>) and
/// hands the state machine its <c>s3://</c> location instead of the JSON. AWS Batch caps a
/// container's environment overrides at a few KiB, and a Level 2 job lists every input with its
/// checksums (an EXI Level 2 job of one simulated day is already ~7 KB); the processor SDK reads an
/// <c>s3://</c> value of <c>SDC_JOB</c> as the job file's location. Locally the job stays inline.
/// </summary>
public sealed class JobFiles(IObjectStore store, IFileLocator locator)
{
    public const string FileName = "job.json";

    public async Task<PlanResult> StoreAsync(PlanResult plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var jobs = new List<PlannedJob>(plan.Jobs.Count);
        foreach (var job in plan.Jobs)
        {
            var key = job.OutputPrefix + FileName;
            await store.PutAsync(Buckets.Products, key, new MemoryStream(Encoding.UTF8.GetBytes(job.Spec)), cancellationToken: cancellationToken);
            jobs.Add(job with { Spec = locator.Locate(Buckets.Products, key) });
        }
        return plan with { Jobs = jobs };
    }
}
