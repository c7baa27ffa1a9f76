using Sdc.Catalog.Engines;

namespace Sdc.Catalog.Files;

/// <summary>A <c>files</c> row as Dapper reads it (alias <c>f</c>), before conversion to <see cref="CatalogFile"/>.</summary>
internal class FileRow
{
    /// <summary>The select list for a <c>files</c> row aliased <c>f</c>, in this class's property names.</summary>
    public const string Columns = """
        f.id AS Id, f.bucket AS Bucket, f.key AS Key, f.kind AS Kind, f.instrument AS Instrument,
        f.level AS Level, f.descriptor AS Descriptor, f.start_time AS StartTime, f.end_time AS EndTime,
        f.orbit AS Orbit, f.logical_id AS LogicalId, f.version_major AS VersionMajor,
        f.version_minor AS VersionMinor, f.is_latest AS IsLatest, f.size_bytes AS SizeBytes, f.md5 AS Md5,
        f.sha256 AS Sha256, f.status AS Status, f.ingested_at AS IngestedAt, f.job_id AS JobId,
        f.release_id AS ReleaseId, f.is_public_latest AS IsPublicLatest
        """;

    public long Id { get; set; }

    public string Bucket { get; set; } = "";

    public string Key { get; set; } = "";

    public string Kind { get; set; } = "";

    public string? Instrument { get; set; }

    public string? Level { get; set; }

    public string? Descriptor { get; set; }

    public long? StartTime { get; set; }

    public long? EndTime { get; set; }

    public int? Orbit { get; set; }

    public string LogicalId { get; set; } = "";

    public int VersionMajor { get; set; }

    public int VersionMinor { get; set; }

    public bool IsLatest { get; set; }

    public long SizeBytes { get; set; }

    public byte[] Md5 { get; set; } = [];

    public byte[] Sha256 { get; set; } = [];

    public string Status { get; set; } = "";

    public long IngestedAt { get; set; }

    public long? JobId { get; set; }

    public long? ReleaseId { get; set; }

    public bool IsPublicLatest { get; set; }

    public CatalogFile ToModel() => new()
    {
        Id = Id,
        Bucket = Bucket,
        Key = Key,
        Kind = DbText.ToFileKind(Kind),
        Instrument = Instrument,
        Level = Level,
        Descriptor = Descriptor,
        StartTime = UtcMicros.ToDateTimeOffset(StartTime),
        EndTime = UtcMicros.ToDateTimeOffset(EndTime),
        Orbit = Orbit,
        LogicalId = LogicalId,
        VersionMajor = VersionMajor,
        VersionMinor = VersionMinor,
        IsLatest = IsLatest,
        SizeBytes = SizeBytes,
        Md5 = Convert.ToHexStringLower(Md5),
        Sha256 = Convert.ToHexStringLower(Sha256),
        Status = DbText.ToFileStatus(Status),
        IngestedAt = UtcMicros.ToDateTimeOffset(IngestedAt),
        JobId = JobId,
        ReleaseId = ReleaseId,
        IsPublicLatest = IsPublicLatest,
    };
}
