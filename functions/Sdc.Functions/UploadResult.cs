using Sdc.Ingest;
using Sdc.Ingest.Indexing;

namespace Sdc.Functions;

/// <summary>What indexing uploaded products did, one entry per uploaded object.</summary>
public sealed record UploadResult(IReadOnlyList<FileReport> Files, IReadOnlyList<IndexedProduct> Indexed);
