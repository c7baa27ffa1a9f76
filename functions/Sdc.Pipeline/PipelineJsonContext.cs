using System.Text.Json.Serialization;

namespace Sdc.Pipeline;

/// <summary>Source-generated JSON for the pipeline's task payloads (camelCase, as pipeline.asl.json spells them).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PipelineRequest))]
[JsonSerializable(typeof(PlanRequest))]
[JsonSerializable(typeof(PlanResult))]
[JsonSerializable(typeof(IndexTaskRequest))]
[JsonSerializable(typeof(IndexTaskResult))]
[JsonSerializable(typeof(JobFailure))]
[JsonSerializable(typeof(JobStatusResult))]
[JsonSerializable(typeof(RunSummaryRequest))]
[JsonSerializable(typeof(RunSummary))]
public sealed partial class PipelineJsonContext : JsonSerializerContext;
