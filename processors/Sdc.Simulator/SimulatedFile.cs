namespace Sdc.Simulator;

/// <summary>A file the simulator wrote: its name (by mission.yaml), full path, size and MD5 (lower-case hex) as on disk.</summary>
public sealed record SimulatedFile(string Name, string Path, long Size, string Md5, SimulatedFileKind Kind, string? Instrument, int? Orbit);
