using Dapper;
using Sdc.Catalog.Engines;

namespace Sdc.Catalog.Jobs;

/// <summary>The <c>runs</c>, <c>processor_versions</c>, <c>jobs</c> and <c>job_messages</c> tables.</summary>
internal sealed class JobRepository(CatalogDatabase database) : IJobCatalog
{
    private const string InsertRunSql = """
        INSERT INTO runs (execution_name, manifest_key, kind, status, started_at, input)
        VALUES (@ExecutionName, @ManifestKey, @Kind, 'RUNNING', @StartedAt, @Input)
        ON CONFLICT (execution_name) DO NOTHING
        """;

    private const string RunColumns = """
        id AS Id, execution_name AS ExecutionName, manifest_key AS ManifestKey, kind AS Kind, status AS Status,
        started_at AS StartedAt, finished_at AS FinishedAt, input AS Input, summary AS Summary
        """;

    private const string ListRunsSql = $"SELECT {RunColumns} FROM runs ORDER BY id DESC LIMIT @Limit";

    private const string ListRunsByStatusSql = $"SELECT {RunColumns} FROM runs WHERE status = @Status ORDER BY id DESC LIMIT @Limit";

    private const string FinishRunSql = """
        UPDATE runs SET status = @Status, summary = @Summary, finished_at = @FinishedAt WHERE id = @Id
        """;

    private const string SelectRunByNameSql = $"SELECT {RunColumns} FROM runs WHERE execution_name = @ExecutionName";

    private const string SelectRunByIdSql = $"SELECT {RunColumns} FROM runs WHERE id = @Id";

    // A production version's promoted_at is when production first ran it; a version first seen in
    // staging is promoted when production asks for it.
    private const string InsertProcessorVersionSql = """
        INSERT INTO processor_versions (instrument, version, image_digest, stage, created_at, promoted_at)
        VALUES (@Instrument, @Version, @ImageDigest, @Stage, @CreatedAt, CASE WHEN @Stage = 'production' THEN @CreatedAt END)
        ON CONFLICT (instrument, version) DO NOTHING
        """;

    private const string PromoteProcessorVersionSql = """
        UPDATE processor_versions SET stage = 'production', promoted_at = @CreatedAt
        WHERE instrument = @Instrument AND version = @Version AND stage <> 'production' AND @Stage = 'production'
        """;

    private const string SelectProcessorVersionSql = "SELECT id FROM processor_versions WHERE instrument = @Instrument AND version = @Version";

    private const string InsertJobSql = """
        INSERT INTO jobs (run_id, identity_hash, instrument, level, processor_version_id, queue, status, created_at,
                          stage, definition, output_prefix, spec)
        VALUES (@RunId, @IdentityHash, @Instrument, @Level, @ProcessorVersionId, @Queue, 'SCHEDULED', @CreatedAt,
                @Stage, @Definition, @OutputPrefix, @Spec)
        ON CONFLICT (identity_hash) DO NOTHING
        """;

    // A job that has not succeeded is taken over by the run that plans it again.
    private const string RescheduleJobSql = """
        UPDATE jobs SET run_id = @RunId, queue = @Queue, status = 'SCHEDULED', stage = @Stage, definition = @Definition,
                        output_prefix = @OutputPrefix, spec = @Spec, exit_code = NULL, status_reason = NULL, started_at = NULL, finished_at = NULL
        WHERE identity_hash = @IdentityHash AND status NOT IN ('OK', 'WARNING') AND run_id <> @RunId
        """;

    private const string JobColumns = """
        id AS Id, run_id AS RunId, identity_hash AS IdentityHash, instrument AS Instrument, level AS Level,
        processor_version_id AS ProcessorVersionId, queue AS Queue, status AS Status, attempts AS Attempts,
        log_key AS LogKey, created_at AS CreatedAt, started_at AS StartedAt, finished_at AS FinishedAt,
        stage AS Stage, definition AS Definition, output_prefix AS OutputPrefix, spec AS Spec, exit_code AS ExitCode,
        status_reason AS StatusReason, processor_stopped_at AS ProcessorStoppedAt
        """;

    private const string ListJobsSql = $"SELECT {JobColumns} FROM jobs WHERE run_id = @RunId ORDER BY id";

    private const string StartJobSql = """
        UPDATE jobs SET status = 'PROCESSING', started_at = @StartedAt, attempts = attempts + 1 WHERE id = @Id
        """;

    private const string ProcessorStoppedSql = "UPDATE jobs SET processor_stopped_at = @StoppedAt WHERE id = @Id";

    private const string FinishJobSql = """
        UPDATE jobs SET status = @Status, exit_code = @ExitCode, status_reason = @Reason, log_key = COALESCE(@LogKey, log_key),
                        finished_at = @FinishedAt
        WHERE id = @Id
        """;

    private const string ListProductsSql = $"""
        SELECT {Files.FileRow.Columns} FROM files f JOIN jobs j ON j.id = f.job_id
        WHERE j.run_id = @RunId AND j.stage = @Stage
        ORDER BY f.key
        """;

    private const string InsertEventSql = """
        INSERT INTO execution_events (execution_name, seq, type, state, detail, at) VALUES (@ExecutionName, @Seq, @Type, @State, @Detail, @At)
        ON CONFLICT (execution_name, seq) DO NOTHING
        """;

    private const string SelectEventsSql = """
        SELECT seq AS Seq, type AS Type, state AS State, detail AS Detail, at AS At FROM execution_events
        WHERE execution_name = @ExecutionName ORDER BY seq
        """;

    private const string SelectJobByIdSql = $"SELECT {JobColumns} FROM jobs WHERE id = @Id";

    private const string SelectJobByIdentitySql = $"SELECT {JobColumns} FROM jobs WHERE identity_hash = @IdentityHash";

    private const string InsertMessageSql = """
        INSERT INTO job_messages (job_id, code, severity, text, created_at) VALUES (@JobId, @Code, @Severity, @Text, @CreatedAt)
        """;

    private const string SelectMessagesSql = """
        SELECT code AS Code, severity AS Severity, text AS Text, created_at AS CreatedAt
        FROM job_messages WHERE job_id = @JobId ORDER BY created_at, id
        """;

    public async Task<Run> StartRunAsync(string executionName, string? manifestKey, RunKind kind, DateTimeOffset startedAt, CancellationToken cancellationToken,
        string? input = null)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertRunSql, new
        {
            ExecutionName = executionName,
            ManifestKey = manifestKey,
            Kind = DbText.Of(kind),
            StartedAt = UtcMicros.Truncate(startedAt),
            Input = input,
        }, cancellationToken: cancellationToken));
        var row = await connection.QuerySingleAsync<RunRow>(new CommandDefinition(SelectRunByNameSql, new { ExecutionName = executionName },
            cancellationToken: cancellationToken));
        return row.ToModel();
    }

    public async Task<Run?> FindRunAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<RunRow>(new CommandDefinition(SelectRunByIdSql, new { Id = id }, cancellationToken: cancellationToken));
        return row?.ToModel();
    }

    public async Task<Run?> FindRunByNameAsync(string executionName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<RunRow>(new CommandDefinition(SelectRunByNameSql, new { ExecutionName = executionName },
            cancellationToken: cancellationToken));
        return row?.ToModel();
    }

    public async Task<IReadOnlyList<Run>> ListRunsAsync(int limit, RunStatus? status, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<RunRow>(new CommandDefinition(status is null ? ListRunsSql : ListRunsByStatusSql,
            new { Limit = limit, Status = status is { } s ? DbText.Of(s) : null }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToModel()).ToList();
    }

    public async Task FinishRunAsync(long runId, RunStatus status, string? summary, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(FinishRunSql, new
        {
            Id = runId,
            Status = DbText.Of(status),
            Summary = summary,
            FinishedAt = UtcMicros.Truncate(finishedAt),
        }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Job>> ListJobsAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<JobRow>(new CommandDefinition(ListJobsSql, new { RunId = runId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToModel()).ToList();
    }

    public async Task StartJobAsync(long jobId, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(StartJobSql, new { Id = jobId, StartedAt = UtcMicros.Truncate(startedAt) },
            cancellationToken: cancellationToken));
    }

    public async Task ProcessorStoppedAsync(long jobId, DateTimeOffset stoppedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(ProcessorStoppedSql, new { Id = jobId, StoppedAt = UtcMicros.Truncate(stoppedAt) },
            cancellationToken: cancellationToken));
    }

    public async Task FinishJobAsync(long jobId, JobStatus status, int? exitCode, string? reason, string? logKey, DateTimeOffset finishedAt,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(FinishJobSql, new
        {
            Id = jobId,
            Status = DbText.Of(status),
            ExitCode = exitCode,
            Reason = reason,
            LogKey = logKey,
            FinishedAt = UtcMicros.Truncate(finishedAt),
        }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<CatalogFile>> ListProductsAsync(long runId, int stage, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Files.FileRow>(new CommandDefinition(ListProductsSql, new { RunId = runId, Stage = stage },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToModel()).ToList();
    }

    public async Task AppendHistoryAsync(string executionName, IReadOnlyList<ExecutionEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var rows = events.Select(e => new { ExecutionName = executionName, e.Seq, e.Type, e.State, e.Detail, At = UtcMicros.Truncate(e.At) }).ToList();
        await connection.ExecuteAsync(new CommandDefinition(InsertEventSql, rows, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ExecutionEvent>> GetHistoryAsync(string executionName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(SelectEventsSql, new { ExecutionName = executionName },
            cancellationToken: cancellationToken));
        return rows.Select(r => new ExecutionEvent(r.Seq, r.Type, r.State, r.Detail, UtcMicros.ToDateTimeOffset(r.At))).ToList();
    }

    public async Task<long> EnsureProcessorVersionAsync(string instrument, string version, string imageDigest, ProcessorStage stage, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var parameters = new { Instrument = instrument, Version = version, ImageDigest = imageDigest, Stage = DbText.Of(stage), CreatedAt = UtcMicros.Truncate(at) };
        if (await connection.ExecuteAsync(new CommandDefinition(InsertProcessorVersionSql, parameters, cancellationToken: cancellationToken)) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(PromoteProcessorVersionSql, parameters, cancellationToken: cancellationToken));
        }
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(SelectProcessorVersionSql, parameters, cancellationToken: cancellationToken));
    }

    public async Task<Job> CreateJobAsync(JobCreation job, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var parameters = new
        {
            job.RunId,
            job.IdentityHash,
            job.Instrument,
            job.Level,
            job.ProcessorVersionId,
            job.Queue,
            CreatedAt = UtcMicros.Truncate(createdAt),
            job.Stage,
            job.Definition,
            job.OutputPrefix,
            job.Spec,
        };
        if (await connection.ExecuteAsync(new CommandDefinition(InsertJobSql, parameters, cancellationToken: cancellationToken)) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(RescheduleJobSql, parameters, cancellationToken: cancellationToken));
        }
        var row = await connection.QuerySingleAsync<JobRow>(new CommandDefinition(SelectJobByIdentitySql, new { job.IdentityHash },
            cancellationToken: cancellationToken));
        return row.ToModel();
    }

    public async Task<Job?> FindJobAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(SelectJobByIdSql, new { Id = id }, cancellationToken: cancellationToken));
        return row?.ToModel();
    }

    public async Task<Job?> FindJobByIdentityAsync(string identityHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(SelectJobByIdentitySql, new { IdentityHash = identityHash },
            cancellationToken: cancellationToken));
        return row?.ToModel();
    }

    public async Task AddMessagesAsync(long jobId, IReadOnlyList<JobMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return;
        }
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var rows = messages.Select(m => new
        {
            JobId = jobId,
            m.Code,
            Severity = DbText.Of(m.Severity),
            m.Text,
            CreatedAt = UtcMicros.Truncate(m.CreatedAt),
        }).ToList();
        await connection.ExecuteAsync(new CommandDefinition(InsertMessageSql, rows, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<JobMessage>> GetMessagesAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<MessageRow>(new CommandDefinition(SelectMessagesSql, new { JobId = jobId }, cancellationToken: cancellationToken));
        return rows.Select(r => new JobMessage(r.Code, DbText.ToMessageSeverity(r.Severity), r.Text, UtcMicros.ToDateTimeOffset(r.CreatedAt))).ToList();
    }

    private sealed class RunRow
    {
        public long Id { get; set; }

        public string ExecutionName { get; set; } = "";

        public string? ManifestKey { get; set; }

        public string Kind { get; set; } = "";

        public string Status { get; set; } = "";

        public long StartedAt { get; set; }

        public long? FinishedAt { get; set; }

        public string? Input { get; set; }

        public string? Summary { get; set; }

        public Run ToModel() => new(Id, ExecutionName, ManifestKey, DbText.ToRunKind(Kind), DbText.ToRunStatus(Status),
            UtcMicros.ToDateTimeOffset(StartedAt), UtcMicros.ToDateTimeOffset(FinishedAt), Input, Summary);
    }

    private sealed class JobRow
    {
        public long Id { get; set; }

        public long RunId { get; set; }

        public string IdentityHash { get; set; } = "";

        public string Instrument { get; set; } = "";

        public string Level { get; set; } = "";

        public long ProcessorVersionId { get; set; }

        public string Queue { get; set; } = "";

        public string Status { get; set; } = "";

        public int Attempts { get; set; }

        public string? LogKey { get; set; }

        public long CreatedAt { get; set; }

        public long? StartedAt { get; set; }

        public long? FinishedAt { get; set; }

        public int? Stage { get; set; }

        public string? Definition { get; set; }

        public string? OutputPrefix { get; set; }

        public string? Spec { get; set; }

        public int? ExitCode { get; set; }

        public string? StatusReason { get; set; }

        public long? ProcessorStoppedAt { get; set; }

        public Job ToModel() => new(Id, RunId, IdentityHash, Instrument, Level, ProcessorVersionId, Queue, DbText.ToJobStatus(Status), Attempts, LogKey,
            UtcMicros.ToDateTimeOffset(CreatedAt), UtcMicros.ToDateTimeOffset(StartedAt), UtcMicros.ToDateTimeOffset(FinishedAt))
        {
            Stage = Stage,
            Definition = Definition,
            OutputPrefix = OutputPrefix,
            Spec = Spec,
            ExitCode = ExitCode,
            StatusReason = StatusReason,
            ProcessorStoppedAt = UtcMicros.ToDateTimeOffset(ProcessorStoppedAt),
        };
    }

    private sealed class EventRow
    {
        public int Seq { get; set; }

        public string Type { get; set; } = "";

        public string? State { get; set; }

        public string? Detail { get; set; }

        public long At { get; set; }
    }

    private sealed class MessageRow
    {
        public string Code { get; set; } = "";

        public string Severity { get; set; } = "";

        public string Text { get; set; } = "";

        public long CreatedAt { get; set; }
    }
}
