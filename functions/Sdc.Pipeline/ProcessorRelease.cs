namespace Sdc.Pipeline;

/// <summary>
/// A processor version that runs (or may run) an instrument's jobs: its name and version (the
/// binary checks them), its container image (repository and tag) and, once pushed to a registry,
/// the image's digest (<c>sha256:…</c>), which pins the exact bytes where a tag could move.
/// </summary>
public sealed record ProcessorRelease(string Instrument, string Name, string Version, string Image, string? Digest = null)
{
    /// <summary>
    /// How to pull this release: the image's repository pinned by <see cref="Digest"/> when there is
    /// one (<c>sdc/exi-processor@sha256:…</c>), else <see cref="Image"/> as written (by tag).
    /// </summary>
    public string ImageReference => Digest is null ? Image : $"{Repository}@{Digest}";

    /// <summary><see cref="Image"/> without its tag or digest: <c>sdc/exi-processor</c>.</summary>
    public string Repository
    {
        get
        {
            var at = Image.IndexOf('@', StringComparison.Ordinal);
            var name = at >= 0 ? Image[..at] : Image;
            // A colon after the last slash starts a tag; one before it belongs to a registry's port.
            var colon = name.LastIndexOf(':');
            return colon > name.LastIndexOf('/') ? name[..colon] : name;
        }
    }

    /// <summary>Same processor build: the same name and version, and the same digest (or neither has one).</summary>
    public bool IsSameBuildAs(ProcessorRelease other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Name == other.Name && Version == other.Version && Digest == other.Digest;
    }
}
