namespace Sdc.Ingest.Manifests;

/// <summary>One new input in a processing manifest: its catalog id, where it is, and what it is.</summary>
public sealed record ManifestFile(
    long Id,
    string Bucket,
    string Key,
    string Name,
    string Kind,
    string? Instrument,
    string? Level,
    string? Descriptor,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    long Size,
    string Md5,
    string Sha256);
