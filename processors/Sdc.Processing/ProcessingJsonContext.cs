using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Sdc.Processing;

/// <summary>Source-generated JSON for outputs.json (camelCase, stable field names).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ProductRecord))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class ProcessingJsonContext : JsonSerializerContext;
