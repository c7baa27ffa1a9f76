using System.Text.Json;
using Sdc.Catalog;

namespace Sdc.Functions;

/// <summary>
/// The catalog's migrations as a CloudFormation custom resource (the CDK provider framework's
/// on-event handler): on Create and Update it applies the migrations the catalog lacks — the
/// same scripts and the same <see cref="ICatalog.MigrateAsync"/> as the local runtime — and
/// answers with what it applied; on Delete it does nothing (the schema goes with the database, and
/// a stack update that replaces this resource must not touch the data). A failed migration throws,
/// which fails the deployment and rolls it back.
/// Handler string: <c>Sdc.Functions::Sdc.Functions.MigrationFunction::HandleAsync</c>.
/// </summary>
public sealed class MigrationFunction
{
    /// <summary>The one physical id: there is one schema per catalog.</summary>
    public const string PhysicalResourceId = "sdc-catalog-schema";

    private readonly Func<Task<ICatalog>> _catalog;

    public MigrationFunction()
        : this(async () => (await CloudServices.GetAsync()).Catalog)
    {
    }

    public MigrationFunction(ICatalog catalog)
        : this(() => Task.FromResult(catalog))
    {
    }

    private MigrationFunction(Func<Task<ICatalog>> catalog) => _catalog = catalog;

    public async Task<Stream> HandleAsync(Stream input)
    {
        using var request = JsonDocument.Parse(await FunctionIo.ReadAsync(input));
        var requestType = request.RootElement.TryGetProperty("RequestType", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : throw new InvalidDataException("Migration: the event has no RequestType; expected a CloudFormation custom resource event (Create, Update or Delete).");
        IReadOnlyList<AppliedMigration> applied = requestType switch
        {
            "Create" or "Update" => await (await _catalog()).MigrateAsync(CancellationToken.None),
            "Delete" => [],
            _ => throw new InvalidDataException($"Migration: RequestType '{requestType}'; expected Create, Update or Delete."),
        };
        var schemaVersion = requestType == "Delete" ? 0 : (await (await _catalog()).GetStatsAsync(CancellationToken.None)).SchemaVersion;
        var response = new MigrationResponse(PhysicalResourceId, new MigrationData(
            string.Join(",", applied.Select(m => $"{m.Version:D4}_{m.Name}")), schemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return FunctionIo.Write(response, FunctionJsonContext.Default.MigrationResponse);
    }
}

/// <summary>What the provider framework hands back to CloudFormation: the resource's id and attributes (strings).</summary>
public sealed record MigrationResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("PhysicalResourceId")] string PhysicalResourceId,
    [property: System.Text.Json.Serialization.JsonPropertyName("Data")] MigrationData Data);

/// <summary>The migrations applied by this deployment (version_name, comma-separated) and the schema version after it.</summary>
public sealed record MigrationData(
    [property: System.Text.Json.Serialization.JsonPropertyName("Applied")] string Applied,
    [property: System.Text.Json.Serialization.JsonPropertyName("SchemaVersion")] string SchemaVersion);
