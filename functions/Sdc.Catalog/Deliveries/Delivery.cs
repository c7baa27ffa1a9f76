namespace Sdc.Catalog;

/// <summary>A delivery record received, with its files in name order. Times are UTC.</summary>
public sealed record Delivery(
    long Id,
    string RecordName,
    string RecordKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset ReceivedAt,
    DeliveryStatus Status,
    string? ManifestKey,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<DeliveryFile> Files)
{
    /// <summary>True when every listed file has an outcome.</summary>
    public bool AllFilesSettled => Files.All(f => f.Outcome is not null);
}
