namespace Sdc.Ingest.Indexing;

/// <summary>One product as a job's <c>outputs.json</c> lists it.</summary>
public sealed record OutputProduct(
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
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Kernels,
    IReadOnlyList<string> Calibration);
