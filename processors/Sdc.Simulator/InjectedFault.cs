namespace Sdc.Simulator;

/// <summary>
/// A fault as injected: the file, what was done, and what a reader should find. For truncate and
/// bad-length, <see cref="Offset"/> is the byte offset a CCSDS reader reports; for gap, the offset
/// of the first packet after the gap, with <see cref="Apid"/> and <see cref="MissingPackets"/>.
/// </summary>
public sealed record InjectedFault(FaultKind Kind, string FileName, string Description, long? Offset = null, int? Apid = null, int? MissingPackets = null);
