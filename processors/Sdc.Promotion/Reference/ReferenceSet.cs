using System.Security.Cryptography;
using System.Text;
using Sdc.Mission;

namespace Sdc.Promotion.Reference;

/// <summary>
/// The inputs both processors get: the files of one folder whose names follow the mission's naming
/// rules (Level 0 science and housekeeping, kernels, calibration), with their checksums. Delivery
/// records, <c>.md5</c> sidecars and files the mission does not name are not inputs and are listed
/// as ignored. <see cref="Sha256"/> identifies the set: the SHA-256 of the lines
/// <c>&lt;sha256&gt;  &lt;name&gt;</c> that <c>sha256sum</c> prints, sorted by name (byte order).
/// </summary>
public sealed class ReferenceSet
{
    private ReferenceSet(string folder, string source, IReadOnlyList<ReferenceFile> files, IReadOnlyList<string> ignored, string sha256)
    {
        Folder = folder;
        Source = source;
        Files = files;
        Ignored = ignored;
        Sha256 = sha256;
    }

    public string Folder { get; }

    /// <summary>Where the set came from, for the report (a folder, or the simulator's window and seed).</summary>
    public string Source { get; }

    /// <summary>The inputs, by name (byte order).</summary>
    public IReadOnlyList<ReferenceFile> Files { get; }

    /// <summary>Names in the folder that are not inputs.</summary>
    public IReadOnlyList<string> Ignored { get; }

    public string Sha256 { get; }

    /// <exception cref="ArgumentException">The folder does not exist.</exception>
    public static async Task<ReferenceSet> LoadAsync(Mission.Mission mission, string folder, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mission);
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new ArgumentException($"Reference set {full}: no such folder.");
        }
        var files = new List<ReferenceFile>();
        var ignored = new List<string>();
        foreach (var path in Directory.EnumerateFiles(full).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (!mission.TryParseFileName(name, out var fields, out _) || fields!.IsChecksumSidecar || fields.Kind == FileNameKind.Delivery)
            {
                ignored.Add(name);
                continue;
            }
            var (size, md5, sha256) = await DigestAsync(path, cancellationToken);
            files.Add(new ReferenceFile(name, path, size, md5, sha256, fields));
        }
        var listing = new StringBuilder();
        foreach (var file in files)
        {
            listing.Append(file.Sha256).Append("  ").Append(file.Name).Append('\n');
        }
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(listing.ToString())));
        return new ReferenceSet(full, source, files, ignored, checksum);
    }

    private static async Task<(long Size, string Md5, string Sha256)> DigestAsync(string path, CancellationToken cancellationToken)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        long size = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            md5.AppendData(buffer, 0, read);
            sha256.AppendData(buffer, 0, read);
            size += read;
        }
        return (size, Convert.ToHexStringLower(md5.GetHashAndReset()), Convert.ToHexStringLower(sha256.GetHashAndReset()));
    }
}
