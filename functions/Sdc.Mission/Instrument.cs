namespace Sdc.Mission;

/// <summary>A data source: a science instrument or the spacecraft's housekeeping.</summary>
public sealed record Instrument(
    string Id,
    string Name,
    string Kind,
    IReadOnlyList<string> Descriptors,
    IReadOnlyList<string> Calibration);
