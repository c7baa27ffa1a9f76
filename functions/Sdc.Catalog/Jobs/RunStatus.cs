namespace Sdc.Catalog;

/// <summary>A run's status. Stored upper-case in <c>runs.status</c>.</summary>
public enum RunStatus
{
    Running,
    Ok,
    Warning,
    Error,
}
