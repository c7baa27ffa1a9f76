using Dapper;
using Sdc.Catalog.Engines;

namespace Sdc.Catalog.Problems;

/// <summary>The <c>file_problems</c> table: one flagged problem per file at most.</summary>
internal sealed class FileProblemRepository(CatalogDatabase database) : IFileProblemCatalog
{
    private const string UpsertSql = """
        INSERT INTO file_problems (file_id, problem, detail, detected_at) VALUES (@FileId, @Problem, @Detail, @DetectedAt)
        ON CONFLICT (file_id) DO UPDATE SET problem = excluded.problem, detail = excluded.detail, detected_at = excluded.detected_at
        """;

    private const string DeleteSql = "DELETE FROM file_problems WHERE file_id = @FileId";

    private const string SelectSql = """
        SELECT p.file_id AS FileId, f.key AS Key, p.problem AS Problem, p.detail AS Detail, p.detected_at AS DetectedAt
        FROM file_problems p JOIN files f ON f.id = p.file_id
        ORDER BY f.key
        """;

    public async Task FlagAsync(long fileId, FileProblemKind problem, string detail, DateTimeOffset detectedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(UpsertSql, new
        {
            FileId = fileId,
            Problem = DbText.Of(problem),
            Detail = detail,
            DetectedAt = UtcMicros.Truncate(detectedAt),
        }, cancellationToken: cancellationToken));
    }

    public async Task<bool> ClearAsync(long fileId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { FileId = fileId }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<IReadOnlyList<FileProblem>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ProblemRow>(new CommandDefinition(SelectSql, cancellationToken: cancellationToken));
        return rows.Select(r => new FileProblem(r.FileId, r.Key, DbText.ToFileProblemKind(r.Problem), r.Detail, UtcMicros.ToDateTimeOffset(r.DetectedAt))).ToList();
    }

    private sealed class ProblemRow
    {
        public long FileId { get; set; }

        public string Key { get; set; } = "";

        public string Problem { get; set; } = "";

        public string Detail { get; set; } = "";

        public long DetectedAt { get; set; }
    }
}
