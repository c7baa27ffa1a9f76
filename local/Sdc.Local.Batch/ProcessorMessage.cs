namespace Sdc.Local.Batch;

/// <summary>One <c>message</c> line of a processor's stdout (see processors/Sdc.Processing/MessageLog.cs).</summary>
/// <param name="Severity">As printed: <c>info</c>, <c>warning</c> or <c>error</c>.</param>
/// <param name="Code">The documented message code, e.g. <c>EXI-W001</c>.</param>
/// <param name="File">The file the message is about, when it names one.</param>
/// <param name="Offset">Byte offset in <paramref name="File"/>, when the message gives one.</param>
public sealed record ProcessorMessage(string Severity, string Code, string Text, string? File, long? Offset);
