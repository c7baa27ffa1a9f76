namespace Sdc.Storage;

/// <summary>What the store knows about one object.</summary>
/// <param name="Size">Length in bytes.</param>
/// <param name="Md5">Lowercase hex MD5 of the content, or null when the object was not written through
/// this port (a presigned PUT, a file dropped into a bucket folder, the AWS CLI): hash it if you need it.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the content, or null for the same reasons as <paramref name="Md5"/>.</param>
/// <param name="LastModified">When the object was last written, as the store records it.</param>
/// <param name="Metadata">User metadata stored with the object (empty when none).</param>
public sealed record ObjectInfo(
    string Bucket,
    string Key,
    long Size,
    string? Md5,
    string? Sha256,
    DateTimeOffset LastModified,
    IReadOnlyDictionary<string, string> Metadata);
