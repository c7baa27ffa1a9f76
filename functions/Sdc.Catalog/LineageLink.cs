namespace Sdc.Catalog;

/// <summary>A file at the other end of a lineage edge, and the role the input played.</summary>
public sealed record LineageLink(CatalogFile File, LineageRole Role);
