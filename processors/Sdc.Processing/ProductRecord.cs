namespace Sdc.Processing;

/// <summary>
/// One product in outputs.json: what the indexer registers in the catalog. Times are UTC;
/// <see cref="Quality"/> is 0 for good data and a bit set of the processor's documented quality
/// flags otherwise, explained in <see cref="QualityNotes"/>.
/// </summary>
public sealed record ProductRecord(
    string Name,
    string Instrument,
    string Level,
    string Descriptor,
    DateTimeOffset Start,
    DateTimeOffset End,
    int? Orbit,
    string Version,
    long Size,
    string Md5,
    string Sha256,
    int Quality,
    IReadOnlyList<string> QualityNotes,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Kernels,
    IReadOnlyList<string> Calibration);
