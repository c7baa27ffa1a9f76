namespace Sdc.Ingest.Indexing;

/// <summary>A product now in the catalog: its name, canonical key, catalog id, and whether it was new.</summary>
public sealed record IndexedProduct(string Name, string Key, long FileId, bool IsNew, int LineageLinks);
