namespace Sdc.Mission;

/// <summary>
/// The typed fields of a mission file name. Which fields are set depends on <see cref="Kind"/>:
/// products have instrument, level, start, orbit, descriptor and version; calibration files have
/// instrument, valid-from date, descriptor and version; kernels have kernel type, coverage dates and
/// version; delivery records have their creation time (<see cref="Start"/>) and sequence number.
/// </summary>
public sealed record MissionFileName(FileNameKind Kind, string Mission)
{
    public string? Instrument { get; init; }
    public string? Level { get; init; }
    public DateTime? Start { get; init; }
    public int? Orbit { get; init; }
    public string? Descriptor { get; init; }
    public ProductVersion? Version { get; init; }
    public string? Extension { get; init; }
    public string? KernelType { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? CoverageFrom { get; init; }
    public DateOnly? CoverageTo { get; init; }
    public int? Sequence { get; init; }

    /// <summary>True for an <c>&lt;name&gt;.md5</c> sidecar: the fields are those of the file it describes.</summary>
    public bool IsChecksumSidecar { get; init; }

    /// <summary>
    /// The time range a kernel's name says it covers: from the start of its first day to the end
    /// of its last (exclusive upper bound). Null for other kinds.
    /// </summary>
    public (DateTime From, DateTime To)? Coverage =>
        CoverageFrom is { } from && CoverageTo is { } to
            ? (from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))
            : null;
}
