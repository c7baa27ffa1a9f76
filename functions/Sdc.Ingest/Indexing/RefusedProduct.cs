namespace Sdc.Ingest.Indexing;

/// <summary>A product that was not indexed, with the code and the reason.</summary>
public sealed record RefusedProduct(string Name, string Code, string Message);
