namespace Sdc.Ingest.Layout;

/// <summary>Where a file lives once checked: its bucket and canonical key.</summary>
public sealed record ArchiveLocation(string Bucket, string Key);
