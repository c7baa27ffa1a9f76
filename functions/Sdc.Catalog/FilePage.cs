namespace Sdc.Catalog;

/// <summary>One page of search results; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record FilePage(IReadOnlyList<CatalogFile> Items, string? NextCursor);
