namespace Sdc.Catalog;

/// <summary>A row of the <c>files</c> table. Times are UTC.</summary>
public sealed record CatalogFile
{
    public required long Id { get; init; }

    public required string Bucket { get; init; }

    public required string Key { get; init; }

    public required FileKind Kind { get; init; }

    public string? Instrument { get; init; }

    public string? Level { get; init; }

    public string? Descriptor { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    public int? Orbit { get; init; }

    public required string LogicalId { get; init; }

    public required int VersionMajor { get; init; }

    public required int VersionMinor { get; init; }

    /// <summary>True for the highest version of <see cref="LogicalId"/>.</summary>
    public required bool IsLatest { get; init; }

    public required long SizeBytes { get; init; }

    public required string Md5 { get; init; }

    public required string Sha256 { get; init; }

    public required FileStatus Status { get; init; }

    public required DateTimeOffset IngestedAt { get; init; }

    public long? JobId { get; init; }

    /// <summary>The id of the first release that made this file public, or null while it is unreleased.</summary>
    public long? ReleaseId { get; init; }

    /// <summary>True for the highest released version of <see cref="LogicalId"/>.</summary>
    public bool IsPublicLatest { get; init; }
}
