using System.Text.Json;

namespace Sdc.Events;

/// <summary>
/// Tells what an incoming event is without parsing it fully, so one Lambda entry point can take both
/// its S3 events and its schedule and hand each to the right handler.
/// </summary>
public static class EventEnvelope
{
    /// <summary>
    /// <see cref="EventKind.ObjectCreated"/> for an EventBridge event with source <c>aws.s3</c> and
    /// detail-type <c>Object Created</c>, or an S3 notification with at least one <c>aws:s3</c>
    /// <c>ObjectCreated:*</c> record; <see cref="EventKind.Scheduled"/> for source <c>aws.events</c> and
    /// detail-type <c>Scheduled Event</c>; otherwise (including text that is not JSON)
    /// <see cref="EventKind.Unknown"/>. Never throws: an entry point reports the unknown event itself.
    /// A notification whose records are all of other kinds is Unknown, since routing it to the new-object
    /// handler would be a silent no-op for an event that was never meant for this function.
    /// </summary>
    public static EventKind Classify(ReadOnlySpan<byte> json)
    {
        using var document = EventJson.TryParse(json);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return EventKind.Unknown;
        }

        var root = document.RootElement;
        if (root.TryGetProperty("Records", out var records))
        {
            return records.ValueKind == JsonValueKind.Array && records.EnumerateArray().Any(IsObjectCreatedRecord)
                ? EventKind.ObjectCreated
                : EventKind.Unknown;
        }

        return (Text(root, "source"), Text(root, "detail-type")) switch
        {
            (S3ObjectCreatedEvent.S3Source, S3ObjectCreatedEvent.ObjectCreatedDetailType) => EventKind.ObjectCreated,
            (ScheduledEvent.EventsSource, ScheduledEvent.ScheduledDetailType) => EventKind.Scheduled,
            _ => EventKind.Unknown,
        };
    }

    private static bool IsObjectCreatedRecord(JsonElement record) =>
        record.ValueKind == JsonValueKind.Object
        && Text(record, "eventSource") == "aws:s3"
        && Text(record, "eventName") is { } name
        && name.StartsWith("ObjectCreated:", StringComparison.Ordinal);

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
