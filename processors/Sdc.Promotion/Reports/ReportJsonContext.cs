using System.Text.Json.Serialization;

namespace Sdc.Promotion.Reports;

/// <summary>Source-generated JSON for validation reports: camelCase, indented (people read them too), nulls left out.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ValidationReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
