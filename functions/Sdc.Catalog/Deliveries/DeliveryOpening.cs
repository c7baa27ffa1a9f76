namespace Sdc.Catalog;

/// <summary>A delivery record to remember: its name, where it was archived, its creation time and its files.</summary>
public sealed record DeliveryOpening(string RecordName, string RecordKey, DateTimeOffset CreatedAt, IReadOnlyList<DeliveryListedFile> Files);
