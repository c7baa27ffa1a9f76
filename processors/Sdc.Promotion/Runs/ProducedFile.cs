namespace Sdc.Promotion.Runs;

/// <summary>A product a job made, as its outputs.json lists it, and where it is on disk.</summary>
public sealed record ProducedFile(
    string Name,
    string Path,
    string Level,
    string Descriptor,
    DateTimeOffset Start,
    DateTimeOffset End,
    int? Orbit,
    long Size,
    string Md5,
    string Sha256,
    int Quality,
    IReadOnlyList<string> QualityNotes);
