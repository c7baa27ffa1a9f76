namespace Sdc.Catalog;

/// <summary>What a delivery record says a file must be, and what became of it so far.</summary>
public sealed record ExpectedFile(long DeliveryId, string RecordName, string Name, long SizeBytes, string Md5, DeliveryFileOutcome? Outcome);
