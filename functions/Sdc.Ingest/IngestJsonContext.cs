using System.Text.Json.Serialization;
using Sdc.Ingest.Manifests;
using Sdc.Ingest.Quarantine;

namespace Sdc.Ingest;

/// <summary>Source-generated JSON for what ingest writes: quarantine reasons and processing manifests.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(QuarantineReason))]
[JsonSerializable(typeof(ProcessingManifest))]
[JsonSerializable(typeof(Sdc.Ingest.Reconciliation.ReconcileReport))]
internal sealed partial class IngestJsonContext : JsonSerializerContext;
