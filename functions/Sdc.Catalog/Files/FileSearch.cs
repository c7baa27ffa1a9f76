using Dapper;
using Sdc.Catalog.Engines;

namespace Sdc.Catalog.Files;

/// <summary>
/// Product search over <c>files</c>: filters, the time-window split into short and long files
/// (migration 0003), latest-version selection and (start time, id) cursor paging.
/// </summary>
internal sealed class FileSearch(CatalogDatabase database)
{
    // Search: fixed fragments, chosen by which filters are present (values are always
    // parameters). Composing them instead of writing "(@x IS NULL OR col = @x)" lets both
    // planners see exactly the predicates they can use an index for.
    private const string SearchSelect = $"SELECT {FileRow.Columns} FROM files f WHERE ";

    private const string SearchOrder = " ORDER BY f.start_time, f.id LIMIT @Take";

    // A time window searches short and long files separately (see migration 0003 for the split at
    // one day, files.is_long, and the indexes each half uses) and merges the two sorted pages.
    // The halves are disjoint, so nothing is returned twice.
    private const string WindowMergeHead = "SELECT m.* FROM (SELECT a.* FROM (";

    private const string WindowMergeMiddle = ") a UNION ALL SELECT b.* FROM (";

    private const string WindowMergeTail = ") b) m ORDER BY m.StartTime, m.Id LIMIT @Take";

    // Short files overlapping the window start at most a day before it. The second disjunct of
    // the overlap keeps a zero-length file at From (half-open windows: [From, To)); the redundant
    // "end_time >= @From" is there because an index can test it, unlike the OR, so rows that
    // ended before the window are dropped inside the index.
    private const string ShortWindowFilter = """
        NOT f.is_long AND f.start_time >= @FromLessOneDay AND f.start_time < @To AND f.end_time >= @From
        AND (f.end_time > @From OR f.start_time = @From)
        """;

    private const string LongWindowFilter = "f.is_long AND f.end_time > @From AND f.start_time < @To";

    private const string TimedFilter = "f.start_time IS NOT NULL";
    private const string InstrumentFilter = "f.instrument = @Instrument";
    private const string LevelFilter = "f.level = @Level";
    private const string DescriptorFilter = "f.descriptor = @Descriptor";
    private const string OrbitFilter = "f.orbit = @Orbit";
    private const string KindFilter = "f.kind = @Kind";
    // "IN @Kinds" is no good here: Dapper expands a list into one parameter per item only where
    // the provider has no arrays; Npgsql has, so PostgreSQL would get "IN $1" (a syntax error).
    // One numbered parameter per kind works on both engines and shows the planner each value.
    private static readonly string[] KindsFilters =
        [.. Enumerable.Range(1, Enum.GetValues<FileKind>().Length).Select(n => $"f.kind IN ({string.Join(", ", Enumerable.Range(0, n).Select(i => $"@Kinds{i}"))})")];
    private const string LatestFilter = "f.is_latest";
    private const string ReleasedFilter = "f.release_id IS NOT NULL";
    private const string PublicLatestFilter = "f.is_public_latest";
    private const string CursorFilter = "(f.start_time, f.id) > (@AfterStart, @AfterId)";

    public async Task<FilePage> SearchAsync(FileQuery query, CancellationToken cancellationToken)
    {
        var (sql, parameters) = BuildSearch(query);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<FileRow>(
            new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
        if (rows.Count <= query.Limit)
        {
            return new FilePage(rows.Select(r => r.ToModel()).ToList(), null);
        }

        var page = rows.Take(query.Limit).Select(r => r.ToModel()).ToList();
        var last = rows[query.Limit - 1];
        return new FilePage(page, new SearchCursor(last.StartTime!.Value, last.Id).Encode());
    }

    /// <summary>The engine's plan for <see cref="SearchAsync"/>'s query, one line per plan node (for tests and tuning).</summary>
    public async Task<IReadOnlyList<string>> ExplainAsync(FileQuery query, CancellationToken cancellationToken)
    {
        var (sql, parameters) = BuildSearch(query);
        var explain = database.Engine == CatalogEngine.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ";
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(
            new CommandDefinition(explain + sql, parameters, cancellationToken: cancellationToken));
        var lines = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            // SQLite's plan text is its last column ("detail"); PostgreSQL's its only one.
            lines.Add(reader.GetString(reader.FieldCount - 1));
        }

        return lines;
    }

    private static (string Sql, DynamicParameters Parameters) BuildSearch(FileQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > FileQuery.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, $"Limit must be between 1 and {FileQuery.MaxLimit}.");
        }

        var parameters = new DynamicParameters();
        List<string> filters = [TimedFilter];
        AddFilter(filters, parameters, InstrumentFilter, "Instrument", FileValues.Name(query.Instrument));
        AddFilter(filters, parameters, LevelFilter, "Level", FileValues.Name(query.Level));
        AddFilter(filters, parameters, DescriptorFilter, "Descriptor", query.Descriptor);
        AddFilter(filters, parameters, OrbitFilter, "Orbit", query.Orbit);
        AddFilter(filters, parameters, KindFilter, "Kind", query.Kind is { } kind ? DbText.Of(kind) : null);
        if (query.Kinds is { Count: > 0 } kinds)
        {
            var values = kinds.Select(k => DbText.Of(k)).Distinct().ToList();
            filters.Add(KindsFilters[values.Count - 1]);
            for (var i = 0; i < values.Count; i++)
            {
                parameters.Add($"Kinds{i}", values[i]);
            }
        }

        if (query.ReleasedOnly)
        {
            filters.Add(query.Versions == VersionSelection.Latest ? PublicLatestFilter : ReleasedFilter);
        }
        else if (query.Versions == VersionSelection.Latest)
        {
            filters.Add(LatestFilter);
        }

        if (query.Cursor is not null)
        {
            var after = SearchCursor.Decode(query.Cursor);
            filters.Add(CursorFilter);
            parameters.Add("AfterStart", after.StartTime);
            parameters.Add("AfterId", after.Id);
        }

        // One extra row tells whether another page follows.
        parameters.Add("Take", query.Limit + 1);
        var where = string.Join(" AND ", filters);
        if (query.From is null && query.To is null)
        {
            return (SearchSelect + where + SearchOrder, parameters);
        }

        var from = UtcMicros.From(query.From, nameof(query.From)) ?? UtcMicros.Min;
        var to = UtcMicros.From(query.To, nameof(query.To)) ?? UtcMicros.Max;
        if (to <= from)
        {
            throw new ArgumentException($"The time window is empty: To ({query.To:O}) must be after From ({query.From:O}).", nameof(query));
        }

        parameters.Add("From", from);
        parameters.Add("To", to);
        parameters.Add("FromLessOneDay", from - UtcMicros.PerDay);
        var sql = WindowMergeHead
                  + SearchSelect + where + " AND " + ShortWindowFilter + SearchOrder
                  + WindowMergeMiddle
                  + SearchSelect + where + " AND " + LongWindowFilter + SearchOrder
                  + WindowMergeTail;
        return (sql, parameters);
    }

    private static void AddFilter(List<string> filters, DynamicParameters parameters, string filter, string name, object? value)
    {
        if (value is not null)
        {
            filters.Add(filter);
            parameters.Add(name, value);
        }
    }
}
