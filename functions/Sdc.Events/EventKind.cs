namespace Sdc.Events;

/// <summary>What an incoming event is, so one entry point can route S3 events and its schedule.</summary>
public enum EventKind
{
    /// <summary>Neither of the kinds below: not JSON, or some other event.</summary>
    Unknown = 0,

    /// <summary>An EventBridge "Object Created" event from S3, or an S3 notification with at least one ObjectCreated record.</summary>
    ObjectCreated = 1,

    /// <summary>An EventBridge "Scheduled Event" (a scheduled rule fired).</summary>
    Scheduled = 2,
}
