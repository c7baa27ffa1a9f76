namespace Sdc.Catalog;

/// <summary>A file as its delivery record lists it: name, size and MD5 (32 hex digits).</summary>
public sealed record DeliveryListedFile(string Name, long SizeBytes, string Md5);
