namespace Sdc.Processing;

/// <summary>What a processor says about a product it writes; the SDK adds size, checksums and provenance.</summary>
public sealed record ProductDescription(
    string Name,
    string Level,
    string Descriptor,
    DateTimeOffset Start,
    DateTimeOffset End,
    int? Orbit,
    int Quality = 0,
    IReadOnlyList<string>? QualityNotes = null,
    IReadOnlyList<string>? Inputs = null);
