using System.Globalization;
using Sdc.Catalog.Engines;

namespace Sdc.Catalog.Files;

/// <summary>
/// A validated, normalised <see cref="FileRegistration"/> in stored form: the parameters of an
/// insert and the columns of a staging row.
/// </summary>
internal sealed class FileValues
{
    public required string Bucket { get; init; }

    public required string Key { get; init; }

    public required string Kind { get; init; }

    public string? Instrument { get; init; }

    public string? Level { get; init; }

    public string? Descriptor { get; init; }

    public long? StartTime { get; init; }

    public long? EndTime { get; init; }

    public int? Orbit { get; init; }

    public required string LogicalId { get; init; }

    public int VersionMajor { get; init; }

    public int VersionMinor { get; init; }

    public long SizeBytes { get; init; }

    /// <summary>Raw bytes, as stored.</summary>
    public required byte[] Md5 { get; init; }

    public required byte[] Sha256 { get; init; }

    public required string Status { get; init; }

    public long IngestedAt { get; init; }

    public long? JobId { get; init; }

    public long? ReleaseId { get; init; }

    public bool SameContentAs(FileValues other) =>
        SizeBytes == other.SizeBytes && Md5.AsSpan().SequenceEqual(other.Md5) && Sha256.AsSpan().SequenceEqual(other.Sha256);

    public bool SameContentAs(FileRow row) =>
        SizeBytes == row.SizeBytes && Md5.AsSpan().SequenceEqual(row.Md5) && Sha256.AsSpan().SequenceEqual(row.Sha256);

    /// <summary>Validates <paramref name="file"/>; throws <see cref="ArgumentException"/> naming the bad field.</summary>
    public static FileValues From(FileRegistration file, long ingestedAt)
    {
        ArgumentNullException.ThrowIfNull(file);
        Require(file.Bucket, nameof(file.Bucket));
        Require(file.Key, nameof(file.Key));
        if (file.StartTime.HasValue != file.EndTime.HasValue)
        {
            throw new ArgumentException($"{file.Key}: StartTime and EndTime must be given together.", nameof(file));
        }

        var start = UtcMicros.From(file.StartTime, nameof(file.StartTime));
        var end = UtcMicros.From(file.EndTime, nameof(file.EndTime));
        if (end < start)
        {
            throw new ArgumentException($"{file.Key}: EndTime {file.EndTime:O} is before StartTime {file.StartTime:O}.", nameof(file));
        }

        if (file.VersionMajor < 0 || file.VersionMinor < 0)
        {
            throw new ArgumentException($"{file.Key}: version numbers cannot be negative.", nameof(file));
        }

        if (file.SizeBytes < 0)
        {
            throw new ArgumentException($"{file.Key}: SizeBytes cannot be negative.", nameof(file));
        }

        return new FileValues
        {
            Bucket = file.Bucket,
            Key = file.Key,
            Kind = DbText.Of(file.Kind),
            Instrument = Name(file.Instrument),
            Level = Name(file.Level),
            Descriptor = string.IsNullOrEmpty(file.Descriptor) ? null : file.Descriptor,
            StartTime = start,
            EndTime = end,
            Orbit = file.Orbit,
            LogicalId = string.IsNullOrEmpty(file.LogicalId) ? file.Key : file.LogicalId,
            VersionMajor = file.VersionMajor,
            VersionMinor = file.VersionMinor,
            SizeBytes = file.SizeBytes,
            Md5 = Hex(file.Md5, 16, nameof(file.Md5), file.Key),
            Sha256 = Hex(file.Sha256, 32, nameof(file.Sha256), file.Key),
            Status = DbText.Of(file.Status),
            IngestedAt = ingestedAt,
            JobId = file.JobId,
            ReleaseId = file.ReleaseId,
        };
    }

    /// <summary>Instrument and level names are stored lower-case (as in file names and mission.yaml).</summary>
    public static string? Name(string? value) =>
        string.IsNullOrEmpty(value) ? null : value.ToLower(CultureInfo.InvariantCulture);

    /// <summary>The bytes of a hex string (either case) of exactly <paramref name="bytes"/> bytes, or null when it is not one.</summary>
    public static byte[]? TryHex(string? value, int bytes) =>
        value is not null && value.Length == bytes * 2 && value.All(char.IsAsciiHexDigit) ? Convert.FromHexString(value) : null;

    private static byte[] Hex(string value, int bytes, string name, string key) =>
        TryHex(value, bytes)
        ?? throw new ArgumentException($"{key}: {name} must be {bytes * 2} hexadecimal digits, got '{value}'.", name);

    private static void Require(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is required.", name);
        }
    }
}
