namespace Sdc.Storage;

/// <summary>One object in a listing. Listings carry no checksums or metadata; ask <see cref="IObjectStore.HeadAsync"/>.</summary>
public sealed record ObjectEntry(string Key, long Size, DateTimeOffset LastModified);
