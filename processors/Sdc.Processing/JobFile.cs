namespace Sdc.Processing;

/// <summary>
/// A file a job reads: where it is (a local path, <c>file://</c> or <c>s3://bucket/key</c> URI), its
/// name, and the size and checksums it must have. <see cref="Type"/> is the kernel type or the
/// calibration descriptor where that matters.
/// </summary>
public sealed record JobFile(string Location, string Name, long Size, string Md5, string? Sha256, string? Type);
