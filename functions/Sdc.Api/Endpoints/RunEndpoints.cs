using Sdc.Api.Http;
using Sdc.Api.Json;
using Sdc.Api.Routing;
using Sdc.Catalog;
using Sdc.Ingest.Layout;

namespace Sdc.Api.Endpoints;

/// <summary>
/// Pipeline runs, their jobs, each job's messages and log. Instrument teams see every run but
/// only their instrument's jobs in it.
/// </summary>
internal sealed class RunEndpoints(ApiServices services)
{
    public async Task<ApiResponse> ListAsync(RouteContext context, CancellationToken cancellationToken)
    {
        var query = context.Query("status", "limit");
        var status = query.Choice("status", "RUNNING", "OK", "WARNING", "ERROR") switch
        {
            null => (RunStatus?)null,
            var s => Enum.Parse<RunStatus>(s, ignoreCase: true),
        };
        var runs = await services.Catalog.Jobs.ListRunsAsync(query.Number("limit", 1, 1000) ?? 50, status, cancellationToken);
        return Respond.Json(new RunListDto([.. runs.Select(ProductViews.Run)]), ApiJsonContext.Default.RunListDto);
    }

    public async Task<ApiResponse> GetAsync(RouteContext context, CancellationToken cancellationToken)
    {
        context.Query();
        var id = context.Id("id");
        var run = await services.Catalog.Jobs.FindRunAsync(id, cancellationToken) ?? throw ApiProblemException.NotFound($"No run with id {id}.");
        var jobs = await services.Catalog.Jobs.ListJobsAsync(run.Id, cancellationToken);
        var visible = jobs.Where(j => context.Caller.MayRead(j.Instrument)).Select(ProductViews.Job).ToList();
        return Respond.Json(new RunDetailDto(ProductViews.Run(run), visible), ApiJsonContext.Default.RunDetailDto);
    }

    public async Task<ApiResponse> GetJobAsync(RouteContext context, CancellationToken cancellationToken)
    {
        context.Query();
        var job = await FindJobAsync(context, cancellationToken);
        var messages = await services.Catalog.Jobs.GetMessagesAsync(job.Id, cancellationToken);
        var views = messages.Select(m => new MessageDto(m.Code, m.Severity.ToString().ToUpperInvariant(), m.Text, ApiTime.Format(m.CreatedAt))).ToList();
        return Respond.Json(new JobDetailDto(ProductViews.Job(job), views), ApiJsonContext.Default.JobDetailDto);
    }

    public async Task<ApiResponse> LogAsync(RouteContext context, CancellationToken cancellationToken)
    {
        context.Query();
        var job = await FindJobAsync(context, cancellationToken);
        if (job.LogKey is null || await services.Store.HeadAsync(Buckets.Products, job.LogKey, cancellationToken) is null)
        {
            throw ApiProblemException.NotFound($"Job {job.Id} has no log (status {job.Status}: it may not have started yet).");
        }
        return ApiResponse.Redirect(await services.Store.PresignGetAsync(Buckets.Products, job.LogKey, services.Options.DownloadExpiry, cancellationToken));
    }

    private async Task<Job> FindJobAsync(RouteContext context, CancellationToken cancellationToken)
    {
        var id = context.Id("id");
        var job = await services.Catalog.Jobs.FindJobAsync(id, cancellationToken) ?? throw ApiProblemException.NotFound($"No job with id {id}.");
        if (!context.Caller.MayRead(job.Instrument))
        {
            throw ApiProblemException.Forbidden($"Job {id} is an {job.Instrument} job; {context.Caller.Username} is not in the admin, team or itf-{job.Instrument} groups.");
        }
        return job;
    }
}
