namespace Sdc.Catalog;

/// <summary>An input to record for a product: the input file's id and its role.</summary>
public sealed record LineageInput(long FileId, LineageRole Role);
