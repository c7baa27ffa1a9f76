using System.Text.Json.Serialization;
using Sdc.Ingest.Reconciliation;

namespace Sdc.Functions;

/// <summary>Source-generated JSON for the functions' inputs and outputs (camelCase, enums as text).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IntegrityResult))]
[JsonSerializable(typeof(UploadResult))]
[JsonSerializable(typeof(ReconcileReport))]
[JsonSerializable(typeof(MigrationResponse))]
internal sealed partial class FunctionJsonContext : JsonSerializerContext;
