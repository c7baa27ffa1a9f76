using Dapper;
using Sdc.Catalog.Engines;

namespace Sdc.Catalog.Jobs;

/// <summary>The <c>runs</c>, <c>processor_versions</c>, <c>jobs</c> and <c>job_messages</c> tables.</summary>
internal sealed class JobRepository(CatalogDatabase database) : IJobCatalog
{
    private const string InsertRunSql = """
        INSERT INTO runs (execution_name, manifest_key, kind, status, started_at)
        VALUES (@ExecutionName, @ManifestKey, @Kind, 'RUNNING', @StartedAt)
        ON CONFLICT (execution_name) DO NOTHING
        """;

    private const string RunColumns = """
        id AS Id, execution_name AS ExecutionName, manifest_key AS ManifestKey, kind AS Kind, status AS Status,
        started_at AS StartedAt, finished_at AS FinishedAt
        """;

    private const string SelectRunByNameSql = $"SELECT {RunColumns} FROM runs WHERE execution_name = @ExecutionName";

    private const string SelectRunByIdSql = $"SELECT {RunColumns} FROM runs WHERE id = @Id";

    private const string InsertProcessorVersionSql = """
        INSERT INTO processor_versions (instrument, version, image_digest, stage, created_at)
        VALUES (@Instrument, @Version, @ImageDigest, @Stage, @CreatedAt)
        ON CONFLICT (instrument, version) DO NOTHING
        """;

    private const string SelectProcessorVersionSql = "SELECT id FROM processor_versions WHERE instrument = @Instrument AND version = @Version";

    private const string InsertJobSql = """
        INSERT INTO jobs (run_id, identity_hash, instrument, level, processor_version_id, queue, status, created_at)
        VALUES (@RunId, @IdentityHash, @Instrument, @Level, @ProcessorVersionId, @Queue, 'SCHEDULED', @CreatedAt)
        ON CONFLICT (identity_hash) DO NOTHING
        """;

    private const string JobColumns = """
        id AS Id, run_id AS RunId, identity_hash AS IdentityHash, instrument AS Instrument, level AS Level,
        processor_version_id AS ProcessorVersionId, queue AS Queue, status AS Status, attempts AS Attempts,
        log_key AS LogKey, created_at AS CreatedAt, started_at AS StartedAt, finished_at AS FinishedAt
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

    public async Task<Run> StartRunAsync(string executionName, string? manifestKey, RunKind kind, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertRunSql, new
        {
            ExecutionName = executionName,
            ManifestKey = manifestKey,
            Kind = DbText.Of(kind),
            StartedAt = UtcMicros.Truncate(startedAt),
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

    public async Task<long> EnsureProcessorVersionAsync(string instrument, string version, string imageDigest, ProcessorStage stage, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var parameters = new { Instrument = instrument, Version = version, ImageDigest = imageDigest, Stage = DbText.Of(stage), CreatedAt = UtcMicros.Truncate(at) };
        await connection.ExecuteAsync(new CommandDefinition(InsertProcessorVersionSql, parameters, cancellationToken: cancellationToken));
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(SelectProcessorVersionSql, parameters, cancellationToken: cancellationToken));
    }

    public async Task<Job> CreateJobAsync(JobCreation job, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertJobSql, new
        {
            job.RunId,
            job.IdentityHash,
            job.Instrument,
            job.Level,
            job.ProcessorVersionId,
            job.Queue,
            CreatedAt = UtcMicros.Truncate(createdAt),
        }, cancellationToken: cancellationToken));
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

        public Run ToModel() => new(Id, ExecutionName, ManifestKey, DbText.ToRunKind(Kind), DbText.ToRunStatus(Status),
            UtcMicros.ToDateTimeOffset(StartedAt), UtcMicros.ToDateTimeOffset(FinishedAt));
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

        public Job ToModel() => new(Id, RunId, IdentityHash, Instrument, Level, ProcessorVersionId, Queue, DbText.ToJobStatus(Status), Attempts, LogKey,
            UtcMicros.ToDateTimeOffset(CreatedAt), UtcMicros.ToDateTimeOffset(StartedAt), UtcMicros.ToDateTimeOffset(FinishedAt));
    }

    private sealed class MessageRow
    {
        public string Code { get; set; } = "";

        public string Severity { get; set; } = "";

        public string Text { get; set; } = "";

        public long CreatedAt { get; set; }
    }
}
