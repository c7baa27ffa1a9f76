namespace Sdc.Catalog;

/// <summary>How serious a job message is. Stored upper-case in <c>job_messages.severity</c>.</summary>
public enum MessageSeverity
{
    Info,
    Warning,
    Error,
}
