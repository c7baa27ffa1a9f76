namespace Sdc.Catalog;

/// <summary>Files (all versions), latest files and bytes for one instrument × level (either may be null: kernels, logs).</summary>
public sealed record VolumeStats(string? Instrument, string? Level, long Files, long LatestFiles, long Bytes);
