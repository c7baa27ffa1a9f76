using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Sdc.Storage.FileSystem;

/// <summary>
/// The object store on one machine: a folder per bucket under a root, an object per file at its
/// key. A write goes to a temporary file beside the buckets and is renamed into place, so a key
/// holds either the old object or the whole new one. Checksums and metadata live in sidecars
/// outside the bucket folders; a file put into a bucket folder by other means is an object too,
/// with unknown checksums and no metadata.
/// </summary>
public sealed class FileSystemObjectStore : IObjectStore
{
    private const int CopyBufferSize = 1 << 20;

    private readonly StoreLayout _layout;
    private readonly LocalUrlSigner? _signer;
    private readonly KeyLocks _locks = new();

    public FileSystemObjectStore(FileSystemObjectStoreOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.RootPath);
        _layout = new StoreLayout(options.RootPath);
        if (options.PublicBaseUrl is not null)
        {
            _signer = new LocalUrlSigner(options.SigningKey, options.PublicBaseUrl, timeProvider ?? TimeProvider.System);
        }
        else if (!options.SigningKey.IsEmpty)
        {
            throw new ArgumentException("A signing key without PublicBaseUrl cannot be used.", nameof(options));
        }
    }

    /// <summary>The folder holding the bucket folders.</summary>
    public string RootPath => _layout.Root;

    public async Task<ObjectInfo> PutAsync(
        string bucket,
        string key,
        Stream content,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        ObjectNames.ValidateBucket(bucket);
        ObjectNames.ValidateKey(key);
        ObjectMetadata.Validate(metadata);
        ArgumentNullException.ThrowIfNull(content);
        var target = _layout.ObjectPath(bucket, key);
        var sidecarPath = _layout.SidecarPath(bucket, key);
        ThrowIfConflict(bucket, key, target);

        Directory.CreateDirectory(_layout.TempFolder);
        var temp = _layout.NewTempPath();
        try
        {
            var (size, md5, sha256) = await WriteTempAsync(temp, content, cancellationToken).ConfigureAwait(false);
            var modified = File.GetLastWriteTimeUtc(temp);
            var sidecar = new Sidecar(size, modified.Ticks, md5, sha256, new Dictionary<string, string>(ObjectMetadata.Copy(metadata)));
            using (await _locks.AcquireAsync(bucket, key, cancellationToken).ConfigureAwait(false))
            {
                // From here on the write commits or fails on its own; cancelling half-way through would
                // only leave the sidecar and object out of step.
                await WriteSidecarAsync(sidecarPath, sidecar).ConfigureAwait(false);
                MoveIntoPlace(temp, target, bucket, key);
            }

            return ToInfo(bucket, key, sidecar, modified);
        }
        finally
        {
            TryDeleteFile(temp);
        }
    }

    public Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        ObjectNames.ValidateBucket(bucket);
        ObjectNames.ValidateKey(key);
        cancellationToken.ThrowIfCancellationRequested();
        var path = _layout.ObjectPath(bucket, key);
        if (Directory.Exists(path))
        {
            throw new ObjectNotFoundException(bucket, key);
        }

        try
        {
            // FileShare.Delete: a reader never blocks an overwrite, move or delete; it keeps the bytes it opened.
            Stream stream = new FileStream(
                path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ObjectNotFoundException(bucket, key, ex);
        }
    }

    public async Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        ObjectNames.ValidateBucket(bucket);
        ObjectNames.ValidateKey(key);
        using (await _locks.AcquireAsync(bucket, key, cancellationToken).ConfigureAwait(false))
        {
            return await HeadLockedAsync(bucket, key, cancellationToken).ConfigureAwait(false);
        }
    }

    public async IAsyncEnumerable<ObjectEntry> ListAsync(
        string bucket, string prefix = "", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ObjectNames.ValidateBucket(bucket);
        ObjectNames.ValidatePrefix(prefix);
        await Task.Yield();

        var bucketFolder = _layout.BucketFolder(bucket);
        var lastSlash = prefix.LastIndexOf('/');
        var folderKey = lastSlash < 0 ? "" : prefix[..lastSlash];
        var startFolder = folderKey.Length == 0 ? bucketFolder : StoreLayout.Resolve(bucketFolder, folderKey);
        if (!Directory.Exists(startFolder))
        {
            yield break;
        }

        // Depth first, children in key order, a folder sorting as its name plus '/': that yields
        // keys in exactly the order S3 lists them, without holding the whole bucket in memory.
        var pending = new Stack<IEnumerator<(FileSystemInfo Entry, string Key)>>();
        pending.Push(Children(new DirectoryInfo(startFolder), lastSlash < 0 ? "" : folderKey + "/", prefix[(lastSlash + 1)..]).GetEnumerator());
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = pending.Peek();
            if (!current.MoveNext())
            {
                current.Dispose();
                pending.Pop();
                continue;
            }

            var (entry, key) = current.Current;
            if (entry is DirectoryInfo folder)
            {
                pending.Push(Children(folder, key + "/", "").GetEnumerator());
            }
            else if (entry is FileInfo file)
            {
                yield return new ObjectEntry(key, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
            }
        }
    }

    // Copying or moving an object onto itself changes nothing, but the source must still exist.
    private async Task<ObjectInfo> ExistingAsync(string bucket, string key, CancellationToken cancellationToken) =>
        await HeadAsync(bucket, key, cancellationToken).ConfigureAwait(false) ?? throw new ObjectNotFoundException(bucket, key);

    public async Task<ObjectInfo> CopyAsync(
        string sourceBucket,
        string sourceKey,
        string destinationBucket,
        string destinationKey,
        CancellationToken cancellationToken = default)
    {
        ValidatePair(sourceBucket, sourceKey, destinationBucket, destinationKey);
        if (sourceBucket == destinationBucket && sourceKey == destinationKey)
        {
            return await ExistingAsync(sourceBucket, sourceKey, cancellationToken).ConfigureAwait(false);
        }

        ObjectInfo source;
        Stream content;
        using (await _locks.AcquireAsync(sourceBucket, sourceKey, cancellationToken).ConfigureAwait(false))
        {
            // Opened under the lock so the metadata read belongs to the bytes read; the open handle
            // keeps those bytes even if the source is replaced while copying.
            source = await HeadLockedAsync(sourceBucket, sourceKey, cancellationToken).ConfigureAwait(false)
                ?? throw new ObjectNotFoundException(sourceBucket, sourceKey);
            content = await OpenReadAsync(sourceBucket, sourceKey, cancellationToken).ConfigureAwait(false);
        }

        await using (content.ConfigureAwait(false))
        {
            return await PutAsync(destinationBucket, destinationKey, content, source.Metadata, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<ObjectInfo> MoveAsync(
        string sourceBucket,
        string sourceKey,
        string destinationBucket,
        string destinationKey,
        CancellationToken cancellationToken = default)
    {
        ValidatePair(sourceBucket, sourceKey, destinationBucket, destinationKey);
        if (sourceBucket == destinationBucket && sourceKey == destinationKey)
        {
            return await ExistingAsync(sourceBucket, sourceKey, cancellationToken).ConfigureAwait(false);
        }

        var source = _layout.ObjectPath(sourceBucket, sourceKey);
        var target = _layout.ObjectPath(destinationBucket, destinationKey);
        var sourceSidecar = _layout.SidecarPath(sourceBucket, sourceKey);
        var targetSidecar = _layout.SidecarPath(destinationBucket, destinationKey);
        using (await _locks.AcquireAsync(sourceBucket, sourceKey, destinationBucket, destinationKey, cancellationToken).ConfigureAwait(false))
        {
            var file = new FileInfo(source);
            if (!file.Exists)
            {
                throw new ObjectNotFoundException(sourceBucket, sourceKey);
            }

            ThrowIfConflict(destinationBucket, destinationKey, target);
            var sidecar = await ReadSidecarAsync(sourceSidecar, cancellationToken).ConfigureAwait(false);
            sidecar = sidecar is not null && sidecar.Describes(file) ? sidecar : null;

            // Sidecar first: a crash before the rename leaves an unused sidecar at the destination
            // (stale, so ignored), never an object without its metadata. A rename keeps the file's
            // modification time, so the sidecar still describes it afterwards.
            if (sidecar is not null)
            {
                await WriteSidecarAsync(targetSidecar, sidecar).ConfigureAwait(false);
            }
            else
            {
                TryDeleteFile(targetSidecar);
            }

            MoveIntoPlace(source, target, destinationBucket, destinationKey);
            TryDeleteFile(sourceSidecar);
            PruneEmptyFolders(_layout.BucketFolder(sourceBucket), source);
            PruneEmptyFolders(_layout.SidecarFolder(sourceBucket), sourceSidecar);

            var modified = file.LastWriteTimeUtc;
            return sidecar is not null
                ? ToInfo(destinationBucket, destinationKey, sidecar, modified)
                : new ObjectInfo(destinationBucket, destinationKey, file.Length, null, null, new DateTimeOffset(modified, TimeSpan.Zero), ObjectMetadata.Empty);
        }
    }

    public async Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        ObjectNames.ValidateBucket(bucket);
        ObjectNames.ValidateKey(key);
        var path = _layout.ObjectPath(bucket, key);
        var sidecarPath = _layout.SidecarPath(bucket, key);
        using (await _locks.AcquireAsync(bucket, key, cancellationToken).ConfigureAwait(false))
        {
            if (Directory.Exists(path))
            {
                return;
            }

            try
            {
                File.Delete(path);
            }
            catch (DirectoryNotFoundException)
            {
                // Its folder is gone, so is the object.
            }

            TryDeleteFile(sidecarPath);
            PruneEmptyFolders(_layout.BucketFolder(bucket), path);
            PruneEmptyFolders(_layout.SidecarFolder(bucket), sidecarPath);
        }
    }

    public Task<Uri> PresignGetAsync(string bucket, string key, TimeSpan expiresIn, CancellationToken cancellationToken = default) =>
        PresignAsync("GET", bucket, key, expiresIn, cancellationToken);

    public Task<Uri> PresignPutAsync(string bucket, string key, TimeSpan expiresIn, CancellationToken cancellationToken = default) =>
        PresignAsync("PUT", bucket, key, expiresIn, cancellationToken);

    /// <summary>
    /// Checks a request made with a URL from <see cref="PresignGetAsync"/> or <see cref="PresignPutAsync"/>:
    /// the host passes the HTTP method, the bucket and key from the path (unescaped), and the
    /// <c>expires</c> and <c>signature</c> query values, and serves the request only when the result is
    /// <see cref="PresignedUrlStatus.Valid"/>. Signatures are compared in constant time.
    /// </summary>
    public PresignedUrlStatus VerifyPresignedUrl(string method, string bucket, string key, string? expires, string? signature)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(key);
        return RequireSigner().Verify(method, bucket, key, expires, signature);
    }

    private Task<Uri> PresignAsync(string method, string bucket, string key, TimeSpan expiresIn, CancellationToken cancellationToken)
    {
        ObjectNames.ValidateBucket(bucket);
        ObjectNames.ValidateKey(key);
        PresignedUrlLimits.Validate(expiresIn);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(RequireSigner().Create(method, bucket, key, expiresIn));
    }

    private LocalUrlSigner RequireSigner() =>
        _signer ?? throw new InvalidOperationException(
            "Presigned URLs need FileSystemObjectStoreOptions.PublicBaseUrl and SigningKey.");

    private async Task<ObjectInfo?> HeadLockedAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var file = new FileInfo(_layout.ObjectPath(bucket, key));
        if (!file.Exists)
        {
            return null;
        }

        var sidecar = await ReadSidecarAsync(_layout.SidecarPath(bucket, key), cancellationToken).ConfigureAwait(false);
        return sidecar is not null && sidecar.Describes(file)
            ? ToInfo(bucket, key, sidecar, file.LastWriteTimeUtc)
            : new ObjectInfo(bucket, key, file.Length, null, null, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero), ObjectMetadata.Empty);
    }

    private static async Task<(long Size, string Md5, string Sha256)> WriteTempAsync(string temp, Stream content, CancellationToken cancellationToken)
    {
        using var hasher = new ContentHasher();
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, CopyBufferSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hasher.Append(buffer.AsSpan(0, read));
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                // On disk before the rename publishes it, so a power cut cannot leave a renamed but empty file.
                file.Flush(flushToDisk: true);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var (md5, sha256) = hasher.Finish();
        return (hasher.Length, md5, sha256);
    }

    private async Task WriteSidecarAsync(string path, Sidecar sidecar)
    {
        var temp = _layout.NewTempPath();
        try
        {
            Directory.CreateDirectory(_layout.TempFolder);
            await File.WriteAllBytesAsync(temp, JsonSerializer.SerializeToUtf8Bytes(sidecar, SidecarJsonContext.Default.Sidecar)).ConfigureAwait(false);
            MoveWithRetry(temp, path);
        }
        finally
        {
            TryDeleteFile(temp);
        }
    }

    private static async Task<Sidecar?> ReadSidecarAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize(bytes, SidecarJsonContext.Default.Sidecar);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            // No sidecar, or one cut short by a crash: the object is still there, its checksums unknown.
            return null;
        }
    }

    private void MoveIntoPlace(string source, string target, string bucket, string key)
    {
        try
        {
            MoveWithRetry(source, target);
        }
        catch (IOException ex) when (FindConflict(bucket, key, target) is { } conflict)
        {
            throw new IOException(conflict, ex);
        }
    }

    private static void MoveWithRetry(string source, string target)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(source, target, overwrite: true);
                return;
            }
            catch (DirectoryNotFoundException) when (attempt < 5 && File.Exists(source))
            {
                // A concurrent delete pruned the folder between creating and renaming into it: again.
            }
        }
    }

    private void ThrowIfConflict(string bucket, string key, string target)
    {
        if (FindConflict(bucket, key, target) is { } conflict)
        {
            throw new IOException(conflict);
        }
    }

    /// <summary>
    /// S3 can hold both <c>a</c> and <c>a/b</c>; folders cannot (<c>a</c> would be a file and a folder).
    /// </summary>
    private string? FindConflict(string bucket, string key, string target)
    {
        if (Directory.Exists(target))
        {
            return $"Cannot write '{ObjectNames.ForDisplay(key)}' in bucket '{bucket}': other objects are stored below that key, "
                + "and a file-system bucket cannot hold a key and keys below it.";
        }

        var bucketFolder = _layout.BucketFolder(bucket);
        for (var folder = Path.GetDirectoryName(target); folder is not null && folder.Length > bucketFolder.Length; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(folder))
            {
                var ancestor = Path.GetRelativePath(bucketFolder, folder).Replace(Path.DirectorySeparatorChar, '/');
                return $"Cannot write '{ObjectNames.ForDisplay(key)}' in bucket '{bucket}': '{ObjectNames.ForDisplay(ancestor)}' is an object, "
                    + "and a file-system bucket cannot hold a key and keys below it.";
            }
        }

        return null;
    }

    private static IEnumerable<(FileSystemInfo Entry, string Key)> Children(DirectoryInfo folder, string keyPrefix, string namePrefix)
    {
        var children = new List<(FileSystemInfo Entry, string Key, string SortKey)>();
        try
        {
            foreach (var entry in folder.EnumerateFileSystemInfos())
            {
                if (!entry.Name.StartsWith(namePrefix, StringComparison.Ordinal)
                    || (entry is DirectoryInfo && entry.LinkTarget is not null))
                {
                    // Linked folders are not followed: they could loop, or lead out of the bucket.
                    continue;
                }

                var key = keyPrefix + entry.Name;
                if (!ObjectNames.IsValidKey(key))
                {
                    // A name this port could never have written (a backslash, a control character).
                    continue;
                }

                children.Add((entry, key, entry is DirectoryInfo ? key + "/" : key));
            }
        }
        catch (DirectoryNotFoundException)
        {
            // Deleted while listing: nothing left in it.
        }

        children.Sort((x, y) => KeyOrder.Instance.Compare(x.SortKey, y.SortKey));
        return children.Select(c => (c.Entry, c.Key));
    }

    private static void PruneEmptyFolders(string stopAt, string path)
    {
        // Empty folders left by a delete or move would block a later object of the folder's name.
        for (var folder = Path.GetDirectoryName(path); folder is not null && folder.Length > stopAt.Length; folder = Path.GetDirectoryName(folder))
        {
            try
            {
                Directory.Delete(folder, recursive: false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return;
            }
        }
    }

    private static void TryDeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temporary file is invisible and harmless.
        }
    }

    private static void ValidatePair(string sourceBucket, string sourceKey, string destinationBucket, string destinationKey)
    {
        ObjectNames.ValidateBucket(sourceBucket);
        ObjectNames.ValidateKey(sourceKey);
        ObjectNames.ValidateBucket(destinationBucket);
        ObjectNames.ValidateKey(destinationKey);
    }

    private static ObjectInfo ToInfo(string bucket, string key, Sidecar sidecar, DateTime modifiedUtc) =>
        new(bucket, key, sidecar.Size, sidecar.Md5, sidecar.Sha256, new DateTimeOffset(modifiedUtc, TimeSpan.Zero),
            sidecar.Metadata.Count == 0 ? ObjectMetadata.Empty : sidecar.Metadata.AsReadOnly());
}
