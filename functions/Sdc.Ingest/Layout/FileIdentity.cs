using Sdc.Catalog;
using Sdc.Ingest.Integrity;
using Sdc.Mission;

namespace Sdc.Ingest.Layout;

/// <summary>
/// What a mission file is, from its name: kind, instrument, level, descriptor, version, orbit,
/// canonical location and logical id (the key without its version, shared by all versions of
/// one product). Turns into a catalog registration once the file's bytes are known.
/// </summary>
public sealed record FileIdentity(
    string FileName,
    MissionFileName Name,
    FileKind Kind,
    ArchiveLocation Location,
    string LogicalId,
    ContentFormat Format)
{
    /// <summary>Identifies a parsed name; throws <see cref="ArgumentException"/> for a delivery record or sidecar, which are not catalogued files.</summary>
    public static FileIdentity Of(Mission.Mission mission, MissionFileName name, string fileName)
    {
        ArgumentNullException.ThrowIfNull(mission);
        ArgumentNullException.ThrowIfNull(name);
        if (name.Kind == FileNameKind.Delivery || name.IsChecksumSidecar)
        {
            throw new ArgumentException($"{fileName} is a delivery record or sidecar, not a catalogued file.", nameof(name));
        }
        var (kind, format) = name.Kind switch
        {
            FileNameKind.Kernel => (FileKind.Kernel, ContentFormat.Kernel),
            FileNameKind.Calibration => (FileKind.Calibration, ContentFormat.Fits),
            _ when name.Level == "l0" && IsHousekeeping(mission, name.Instrument) => (FileKind.Housekeeping, ContentFormat.Packets),
            _ when name.Level == "l0" => (FileKind.Science, ContentFormat.Packets),
            _ when name.Extension == "png" => (FileKind.Quicklook, ContentFormat.Png),
            _ => (FileKind.Product, ContentFormat.Fits),
        };
        var location = StorageLayout.For(name, fileName);
        return new FileIdentity(fileName, name, kind, location, LogicalIdOf(location.Key, name.Version), format);
    }

    /// <summary>
    /// The catalog row for this file with the given content and time range (from the packets or
    /// the product; kernels take their name's coverage, calibration its valid-from day).
    /// </summary>
    public FileRegistration ToRegistration(long size, string md5, string sha256, DateTimeOffset? start, DateTimeOffset? end, long? jobId = null)
    {
        (start, end) = (start, end) switch
        {
            ({ }, { }) => (start, end),
            _ when Name.Coverage is { } coverage => (Utc(coverage.From), Utc(coverage.To)),
            _ when Name.ValidFrom is { } valid => (Utc(valid.ToDateTime(TimeOnly.MinValue)), Utc(valid.ToDateTime(TimeOnly.MinValue))),
            _ when Name.Start is { } named => (Utc(named), Utc(named)),
            _ => (null, null),
        };
        return new FileRegistration
        {
            Bucket = Location.Bucket,
            Key = Location.Key,
            Kind = Kind,
            Instrument = Name.Instrument,
            Level = Name.Kind == FileNameKind.Product ? Name.Level : null,
            Descriptor = Name.Kind == FileNameKind.Kernel ? Name.KernelType : Name.Descriptor,
            StartTime = start,
            EndTime = end,
            Orbit = Name.Orbit,
            LogicalId = LogicalId,
            VersionMajor = Name.Version?.Major ?? 1,
            VersionMinor = Name.Version?.Minor ?? 0,
            SizeBytes = size,
            Md5 = md5,
            Sha256 = sha256,
            JobId = jobId,
        };
    }

    private static bool IsHousekeeping(Mission.Mission mission, string? instrument) =>
        instrument is not null && mission.FindInstrument(instrument)?.Kind.Contains("housekeeping", StringComparison.OrdinalIgnoreCase) == true;

    private static string LogicalIdOf(string key, ProductVersion? version)
    {
        if (version is not { } v)
        {
            return key;
        }
        var marker = "_v" + v;
        var at = key.LastIndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? key : key.Remove(at, marker.Length);
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
