using Dapper;
using Sdc.Catalog.Engines;
using Sdc.Catalog.Files;

namespace Sdc.Catalog.Lineage;

/// <summary>The <c>lineage</c> table: product → input edges.</summary>
internal sealed class LineageRepository(CatalogDatabase database) : ILineageCatalog
{
    private const string InsertSql = """
        INSERT INTO lineage (product_id, input_id, role) VALUES (@ProductId, @InputId, @Role)
        ON CONFLICT (product_id, input_id) DO NOTHING
        """;

    private const string InputsSql = $"""
        SELECT {FileRow.Columns}, l.role AS Role
        FROM lineage l JOIN files f ON f.id = l.input_id
        WHERE l.product_id = @Id
        ORDER BY f.id
        """;

    private const string DerivedSql = $"""
        SELECT {FileRow.Columns}, l.role AS Role
        FROM lineage l JOIN files f ON f.id = l.product_id
        WHERE l.input_id = @Id
        ORDER BY f.id
        """;

    public async Task<int> AddInputsAsync(long productId, IReadOnlyList<LineageInput> inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
        {
            return 0;
        }

        var rows = inputs.Select(i => new { ProductId = productId, InputId = i.FileId, Role = DbText.Of(i.Role) }).ToList();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        // Dapper runs the statement once per element, inside the one transaction.
        var added = await connection.ExecuteAsync(new CommandDefinition(InsertSql, rows, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public Task<IReadOnlyList<LineageLink>> GetInputsAsync(long productId, CancellationToken cancellationToken) =>
        QueryAsync(InputsSql, productId, cancellationToken);

    public Task<IReadOnlyList<LineageLink>> GetDerivedAsync(long inputId, CancellationToken cancellationToken) =>
        QueryAsync(DerivedSql, inputId, cancellationToken);

    private async Task<IReadOnlyList<LineageLink>> QueryAsync(string sql, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<LinkRow>(new CommandDefinition(sql, new { Id = id }, cancellationToken: cancellationToken));
        return rows.Select(r => new LineageLink(r.ToModel(), DbText.ToLineageRole(r.Role))).ToList();
    }

    private sealed class LinkRow : FileRow
    {
        public string Role { get; set; } = "";
    }
}
