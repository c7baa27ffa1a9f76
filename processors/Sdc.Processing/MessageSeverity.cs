namespace Sdc.Processing;

/// <summary>How serious a processor message is. Warnings make the exit code 3; errors accompany exit 1 or 2.</summary>
public enum MessageSeverity
{
    Info,
    Warning,
    Error,
}
