namespace Sdc.Catalog;

/// <summary>A message about a job: a documented code (e.g. <c>EXI-W012</c>, <c>IDX-E002</c>), its severity and text.</summary>
public sealed record JobMessage(string Code, MessageSeverity Severity, string Text, DateTimeOffset CreatedAt);
