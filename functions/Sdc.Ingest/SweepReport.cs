namespace Sdc.Ingest;

/// <summary>What a sweep did: inbox objects it handled (missed events, orphans) and manifests it wrote.</summary>
public sealed record SweepReport(IReadOnlyList<FileReport> Files, IReadOnlyList<string> Manifests);
