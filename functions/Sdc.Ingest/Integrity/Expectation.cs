namespace Sdc.Ingest.Integrity;

/// <summary>What a file must be, from its delivery record (size and MD5) or its sidecar (MD5 only).</summary>
/// <param name="Source">Where the expectation comes from, for messages: the record's or the sidecar's name.</param>
public sealed record Expectation(long? Size, string Md5, string Source);
