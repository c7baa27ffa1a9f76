namespace Sdc.Cli.Remote;

/// <summary>One file to fetch: its name, size, SHA-256 and a (presigned) URL.</summary>
internal sealed record DownloadItem(long Id, string Name, long SizeBytes, string Sha256, Uri Url);
