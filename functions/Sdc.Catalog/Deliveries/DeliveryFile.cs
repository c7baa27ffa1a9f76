namespace Sdc.Catalog;

/// <summary>A listed file and, once it has arrived and been checked, its outcome and catalog row.</summary>
public sealed record DeliveryFile(string Name, long SizeBytes, string Md5, DeliveryFileOutcome? Outcome, long? FileId);
