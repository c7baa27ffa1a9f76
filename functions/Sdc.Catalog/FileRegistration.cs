namespace Sdc.Catalog;

/// <summary>
/// An archived object to register. Times are UTC instants with at most microsecond precision
/// (finer ones are rejected rather than silently rounded, so what is stored is what was given).
/// </summary>
public sealed record FileRegistration
{
    public required string Bucket { get; init; }

    /// <summary>Object key in the archive; unique across the catalog.</summary>
    public required string Key { get; init; }

    public required FileKind Kind { get; init; }

    /// <summary>Lower-cased on registration (e.g. <c>exi</c>); null for mission-wide files such as kernels.</summary>
    public string? Instrument { get; init; }

    /// <summary>Lower-cased on registration (e.g. <c>l2</c>).</summary>
    public string? Level { get; init; }

    public string? Descriptor { get; init; }

    /// <summary>Start of the time range the file covers; null together with <see cref="EndTime"/> or not at all.</summary>
    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    public int? Orbit { get; init; }

    /// <summary>
    /// Identity shared by all versions of one product (e.g. the file name without <c>_vMM-mm</c>);
    /// defaults to <see cref="Key"/>, i.e. a file with no other versions.
    /// </summary>
    public string? LogicalId { get; init; }

    public int VersionMajor { get; init; } = 1;

    public int VersionMinor { get; init; }

    public required long SizeBytes { get; init; }

    /// <summary>Hex, either case (stored lower-case).</summary>
    public required string Md5 { get; init; }

    /// <summary>Hex, either case (stored lower-case).</summary>
    public required string Sha256 { get; init; }

    public FileStatus Status { get; init; } = FileStatus.Archived;

    /// <summary>The job that made the file, if a processor did.</summary>
    public long? JobId { get; init; }

    public long? ReleaseId { get; init; }
}
