namespace Sdc.Promotion.Runs;

/// <summary>A file a validation job reads, as the job lists it (location, name, size, checksums, kernel type or calibration descriptor).</summary>
public sealed record JobInput(string Path, string Name, long Size, string Md5, string Sha256, string? Type);
