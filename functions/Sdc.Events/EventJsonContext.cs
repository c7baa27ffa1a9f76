using System.Text.Json.Serialization;

namespace Sdc.Events;

/// <summary>
/// Compile-time JSON metadata for every event shape here. The Lambda functions are trimmed, where
/// reflection-based serialization breaks; serialize with
/// <c>JsonSerializer.Serialize(e, EventJsonContext.Default.S3ObjectCreatedEvent)</c>. Nulls are left
/// out, as AWS leaves out fields it has no value for (e.g. <c>version-id</c> on an unversioned bucket).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(S3ObjectCreatedEvent))]
[JsonSerializable(typeof(S3EventNotification))]
[JsonSerializable(typeof(ScheduledEvent))]
[JsonSerializable(typeof(ObjectCreated))]
[JsonSerializable(typeof(IReadOnlyList<ObjectCreated>))]
public sealed partial class EventJsonContext : JsonSerializerContext;
