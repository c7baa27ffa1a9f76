namespace Sdc.Local;

/// <summary>Something the runtime did, for a host to show as progress (the demo's live lines, `local up`'s log).</summary>
public sealed record RuntimeActivity(DateTimeOffset At, string Kind, string Subject, string Detail);
