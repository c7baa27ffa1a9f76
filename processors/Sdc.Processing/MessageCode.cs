namespace Sdc.Processing;

/// <summary>One documented message: a stable code (e.g. <c>EXI-W012</c>), its severity, and what it means.</summary>
public sealed record MessageCode(string Code, MessageSeverity Severity, string Meaning);
