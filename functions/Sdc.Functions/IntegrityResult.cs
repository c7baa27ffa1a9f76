using Sdc.Ingest;

namespace Sdc.Functions;

/// <summary>What one integrity invocation did: each inbox object's outcome, and manifests a sweep wrote.</summary>
public sealed record IntegrityResult(IReadOnlyList<FileReport> Files, IReadOnlyList<string> Manifests);
