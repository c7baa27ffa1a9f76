namespace Sdc.Storage.FileSystem;

/// <summary>
/// What the store knows about an object beyond its bytes. It belongs to the object file only while
/// that file's size and modification time equal <see cref="Size"/> and <see cref="ModifiedTicks"/>:
/// a file replaced by other means (or a crash between the two renames of a write) makes it stale.
/// </summary>
internal sealed record Sidecar(
    long Size,
    long ModifiedTicks,
    string Md5,
    string Sha256,
    Dictionary<string, string> Metadata)
{
    public bool Describes(FileInfo file) => file.Length == Size && file.LastWriteTimeUtc.Ticks == ModifiedTicks;
}
