using System.Buffers;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.S3;
using Amazon.S3.Model;

namespace Sdc.Storage.S3;

/// <summary>
/// The object store on S3 (or any S3-compatible server). MD5 and SHA-256 are stored in the object's
/// metadata (<c>x-amz-meta-sdc-md5</c>, <c>x-amz-meta-sdc-sha256</c>) because S3's ETag is not an
/// MD5 for multipart uploads or KMS-encrypted objects.
/// </summary>
/// <remarks>
/// Metadata is fixed when a multipart upload starts, so both digests must be known before the first
/// part goes up (computing them during the upload and adding them afterwards would take a second
/// write, which exposes the object without checksums and fires a second ObjectCreated event). So a
/// large seekable stream is hashed in one read, then uploaded in a second read that is hashed again
/// and must agree (or the upload is aborted); a large non-seekable stream is hashed while it is
/// spooled to a temporary file, which is then uploaded. Objects up to the threshold are hashed in
/// memory and sent in one PUT. Every request carries Content-MD5, so S3 checks each body it receives.
/// </remarks>
public sealed class S3ObjectStore : IObjectStore, IDisposable
{
    internal const string Md5MetadataName = "sdc-md5";
    internal const string Sha256MetadataName = "sdc-sha256";
    private const string MetadataHeaderPrefix = "x-amz-meta-";
    private const long MaxCopySize = 5L * 1024 * 1024 * 1024;
    private const int MaxParts = 10_000;
    private const int SpoolBufferSize = 1 << 20;

    private readonly IAmazonS3 _client;
    private readonly bool _ownsClient;
    private readonly S3ObjectStoreOptions _options;
    private readonly Protocol _presignProtocol;

    /// <summary>Creates the store and its own S3 client from the options.</summary>
    public S3ObjectStore(S3ObjectStoreOptions options)
        : this(CreateClient(Validated(options)), options, ownsClient: true)
    {
    }

    /// <summary>Creates the store on a client the caller owns (configured as <see cref="CreateConfig"/> does).</summary>
    public S3ObjectStore(IAmazonS3 client, S3ObjectStoreOptions options)
        : this(client, options, ownsClient: false)
    {
    }

    private S3ObjectStore(IAmazonS3 client, S3ObjectStoreOptions options, bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(client);
        Validated(options);
        _client = client;
        _ownsClient = ownsClient;
        _options = options;
        _presignProtocol = options.ServiceUrl?.Scheme == Uri.UriSchemeHttp ? Protocol.HTTP : Protocol.HTTPS;
    }

    /// <summary>The S3 client configuration the options describe.</summary>
    public static AmazonS3Config CreateConfig(S3ObjectStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,

            // SDK v4 by default adds a CRC32 to every upload, sent as an aws-chunked trailer, and
            // validates response checksums. Simple S3 servers (s3rver) do not decode aws-chunked
            // bodies and would store the framing as content. We send Content-MD5 on every PUT and
            // part instead, which every S3 implementation checks, so nothing is lost on AWS.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (options.ServiceUrl is not null)
        {
            config.ServiceURL = options.ServiceUrl.AbsoluteUri;
            if (options.Region is not null)
            {
                config.AuthenticationRegion = options.Region;
            }
        }
        else if (options.Region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        return config;
    }

    public async Task<ObjectInfo> PutAsync(
        string bucket,
        string key,
        Stream content,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        var physical = Resolve(bucket, key);
        ObjectMetadata.Validate(metadata);
        ArgumentNullException.ThrowIfNull(content);
        var userMetadata = ObjectMetadata.Copy(metadata);

        if (content.CanSeek && content.Length - content.Position > _options.MultipartThreshold)
        {
            return await PutMultipartAsync(bucket, key, physical, content, null, userMetadata, cancellationToken).ConfigureAwait(false);
        }

        // Read one byte past the threshold: that is how a non-seekable stream shows it is large.
        using var head = new MemoryStream();
        await CopyAtMostAsync(content, head, _options.MultipartThreshold + 1, null, cancellationToken).ConfigureAwait(false);
        if (head.Length <= _options.MultipartThreshold)
        {
            return await PutSingleAsync(bucket, key, physical, head, userMetadata, cancellationToken).ConfigureAwait(false);
        }

        var spoolPath = Path.Combine(_options.SpoolFolder ?? Path.GetTempPath(), $"sdc-s3-{Guid.NewGuid():N}.spool");
        var spool = new FileStream(spoolPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 0, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (spool.ConfigureAwait(false))
        {
            using var hasher = new ContentHasher();
            head.Position = 0;
            await CopyAtMostAsync(head, spool, long.MaxValue, hasher, cancellationToken).ConfigureAwait(false);
            await CopyAtMostAsync(content, spool, long.MaxValue, hasher, cancellationToken).ConfigureAwait(false);
            var (md5, sha256) = hasher.Finish();
            spool.Position = 0;
            return await PutMultipartAsync(bucket, key, physical, spool, new Digests(hasher.Length, md5, sha256), userMetadata, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    public async Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var physical = Resolve(bucket, key);
        try
        {
            var response = await _client.GetObjectAsync(physical, key, cancellationToken).ConfigureAwait(false);

            // Disposing the response stream releases the connection; the response holds nothing else.
            return response.ResponseStream;
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode == "NoSuchKey")
        {
            throw new ObjectNotFoundException(bucket, key, ex);
        }
    }

    public async Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var physical = Resolve(bucket, key);
        return (await HeadObjectAsync(bucket, key, physical, null, cancellationToken).ConfigureAwait(false))?.Info;
    }

    public async IAsyncEnumerable<ObjectEntry> ListAsync(
        string bucket, string prefix = "", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ObjectNames.ValidateBucket(bucket);
        ObjectNames.ValidatePrefix(prefix);
        var physical = PhysicalBucket(bucket);
        string? continuation = null;
        do
        {
            var response = await _client.ListObjectsV2Async(
                new ListObjectsV2Request
                {
                    BucketName = physical,
                    Prefix = prefix.Length == 0 ? null : prefix,
                    ContinuationToken = continuation,
                },
                cancellationToken).ConfigureAwait(false);
            foreach (var item in response.S3Objects ?? [])
            {
                // Keys this port refuses (the console's "folder/" markers, say) could not be read or
                // deleted through it either, so they are left out, as the file-system store leaves them out.
                if (ObjectNames.IsValidKey(item.Key))
                {
                    yield return new ObjectEntry(item.Key, item.Size ?? 0, ToUtc(item.LastModified));
                }
            }

            continuation = response.IsTruncated == true ? response.NextContinuationToken : null;
        }
        while (continuation is not null);
    }

    public async Task<ObjectInfo> CopyAsync(
        string sourceBucket,
        string sourceKey,
        string destinationBucket,
        string destinationKey,
        CancellationToken cancellationToken = default)
    {
        var sourcePhysical = Resolve(sourceBucket, sourceKey);
        var destinationPhysical = Resolve(destinationBucket, destinationKey);
        if (sourceBucket == destinationBucket && sourceKey == destinationKey)
        {
            return await HeadAsync(sourceBucket, sourceKey, cancellationToken).ConfigureAwait(false)
                ?? throw new ObjectNotFoundException(sourceBucket, sourceKey);
        }

        for (var attempt = 1; ; attempt++)
        {
            var source = await HeadObjectAsync(sourceBucket, sourceKey, sourcePhysical, null, cancellationToken).ConfigureAwait(false)
                ?? throw new ObjectNotFoundException(sourceBucket, sourceKey);
            if (source.Info.Size > MaxCopySize)
            {
                throw new NotSupportedException(
                    $"'{sourceKey}' is {source.Info.Size} bytes; S3 copies at most {MaxCopySize} bytes in one request and this store does not do multipart copies.");
            }

            try
            {
                // If-Match: the metadata returned below must describe the bytes that were copied.
                var request = new CopyObjectRequest
                {
                    SourceBucket = sourcePhysical,
                    SourceKey = sourceKey,
                    DestinationBucket = destinationPhysical,
                    DestinationKey = destinationKey,
                    MetadataDirective = S3MetadataDirective.COPY,
                    ETagToMatch = source.ETag,
                };
                ((IAmazonWebServiceRequest)request).AddBeforeRequestHandler(KeepSlashesInCopySource);
                var response = await _client.CopyObjectAsync(request, cancellationToken).ConfigureAwait(false);
                var modified = DateTimeOffset.TryParse(response.LastModified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed.ToUniversalTime()
                    : DateTimeOffset.UtcNow;
                return source.Info with { Bucket = destinationBucket, Key = destinationKey, LastModified = modified };
            }
            catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.PreconditionFailed && attempt < 3)
            {
                // Replaced between the HEAD and the copy: describe and copy the new one.
            }
            catch (AmazonS3Exception ex) when (ex.ErrorCode == "NoSuchKey")
            {
                throw new ObjectNotFoundException(sourceBucket, sourceKey, ex);
            }
        }
    }

    public async Task<ObjectInfo> MoveAsync(
        string sourceBucket,
        string sourceKey,
        string destinationBucket,
        string destinationKey,
        CancellationToken cancellationToken = default)
    {
        var moved = await CopyAsync(sourceBucket, sourceKey, destinationBucket, destinationKey, cancellationToken).ConfigureAwait(false);
        if (sourceBucket != destinationBucket || sourceKey != destinationKey)
        {
            await DeleteAsync(sourceBucket, sourceKey, cancellationToken).ConfigureAwait(false);
        }

        return moved;
    }

    public async Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var physical = Resolve(bucket, key);
        await _client.DeleteObjectAsync(physical, key, cancellationToken).ConfigureAwait(false);
    }

    public Task<Uri> PresignGetAsync(string bucket, string key, TimeSpan expiresIn, CancellationToken cancellationToken = default) =>
        PresignAsync(HttpVerb.GET, bucket, key, expiresIn, cancellationToken);

    public Task<Uri> PresignPutAsync(string bucket, string key, TimeSpan expiresIn, CancellationToken cancellationToken = default) =>
        PresignAsync(HttpVerb.PUT, bucket, key, expiresIn, cancellationToken);

    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    private async Task<Uri> PresignAsync(HttpVerb verb, string bucket, string key, TimeSpan expiresIn, CancellationToken cancellationToken)
    {
        var physical = Resolve(bucket, key);
        PresignedUrlLimits.Validate(expiresIn);
        cancellationToken.ThrowIfCancellationRequested();
        var url = await _client.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = physical,
            Key = key,
            Verb = verb,
            // The SDK turns Expires back into seconds against its own, later clock reading and rounds
            // up; at the 7-day maximum that can cross S3's limit, and the SDK then silently falls
            // back to SigV2 (no X-Amz-Expires). A second's margin keeps every URL SigV4.
            Expires = DateTime.UtcNow.Add(expiresIn < PresignedUrlLimits.MaxExpiry ? expiresIn : PresignedUrlLimits.MaxExpiry - TimeSpan.FromSeconds(1)),
            Protocol = _presignProtocol,
        }).ConfigureAwait(false);
        return new Uri(url);
    }

    private async Task<ObjectInfo> PutSingleAsync(
        string bucket, string key, string physical, MemoryStream body, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        using var hasher = new ContentHasher();
        hasher.Append(body.GetBuffer().AsSpan(0, (int)body.Length));
        var (md5, sha256) = hasher.Finish();
        body.Position = 0;
        var request = new PutObjectRequest
        {
            BucketName = physical,
            Key = key,
            InputStream = body,
            AutoCloseStream = false,
            MD5Digest = Convert.ToBase64String(Convert.FromHexString(md5)),

            // The body is already in memory, so sign it whole. Streaming (aws-chunked) signing is for
            // bodies not yet read, and servers such as s3rver store its chunk framing as content.
            UseChunkEncoding = false,
        };
        AddMetadata(request.Metadata, metadata, md5, sha256);
        var response = await _client.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
        var modified = await LastModifiedAsync(bucket, key, physical, response.ETag, cancellationToken).ConfigureAwait(false);
        return new ObjectInfo(bucket, key, hasher.Length, md5, sha256, modified, metadata);
    }

    private async Task<ObjectInfo> PutMultipartAsync(
        string bucket,
        string key,
        string physical,
        Stream content,
        Digests? known,
        IReadOnlyDictionary<string, string> metadata,
        CancellationToken cancellationToken)
    {
        if (known is null)
        {
            var start = content.Position;
            using var hasher = new ContentHasher();
            await CopyAtMostAsync(content, Stream.Null, long.MaxValue, hasher, cancellationToken).ConfigureAwait(false);
            var (md5, sha256) = hasher.Finish();
            known = new Digests(hasher.Length, md5, sha256);
            content.Position = start;
        }

        var initiate = new InitiateMultipartUploadRequest { BucketName = physical, Key = key };
        AddMetadata(initiate.Metadata, metadata, known.Md5, known.Sha256);
        var uploadId = (await _client.InitiateMultipartUploadAsync(initiate, cancellationToken).ConfigureAwait(false)).UploadId;
        string etag;
        var buffer = ArrayPool<byte>.Shared.Rent(_options.PartSize);
        try
        {
            using var check = new ContentHasher();
            var parts = new List<PartETag>();
            for (var partNumber = 1; ; partNumber++)
            {
                var read = await content.ReadAtLeastAsync(buffer.AsMemory(0, _options.PartSize), _options.PartSize, throwOnEndOfStream: false, cancellationToken)
                    .ConfigureAwait(false);
                if (read == 0 && parts.Count > 0)
                {
                    break;
                }

                if (partNumber > MaxParts)
                {
                    throw new IOException($"'{key}' needs more than {MaxParts} parts of {_options.PartSize} bytes; raise S3ObjectStoreOptions.PartSize.");
                }

                check.Append(buffer.AsSpan(0, read));

                // MD5 as S3's Content-MD5 transfer check (and the archive's delivery checksum), not for security.
#pragma warning disable CA5351
                var partMd5 = Convert.ToBase64String(MD5.HashData(buffer.AsSpan(0, read)));
#pragma warning restore CA5351
                using var body = new MemoryStream(buffer, 0, read, writable: false);
                var part = await _client.UploadPartAsync(
                    new UploadPartRequest
                    {
                        BucketName = physical,
                        Key = key,
                        UploadId = uploadId,
                        PartNumber = partNumber,
                        PartSize = read,
                        InputStream = body,
                        MD5Digest = partMd5,
                        UseChunkEncoding = false,
                    },
                    cancellationToken).ConfigureAwait(false);
                parts.Add(new PartETag(partNumber, part.ETag));
                if (read < _options.PartSize)
                {
                    break;
                }
            }

            var (md5, sha256) = check.Finish();
            if (check.Length != known.Length || md5 != known.Md5 || sha256 != known.Sha256)
            {
                throw new IOException($"The content of '{key}' changed while it was being uploaded; nothing was stored.");
            }

            var complete = await _client.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = physical, Key = key, UploadId = uploadId, PartETags = parts },
                cancellationToken).ConfigureAwait(false);
            etag = complete.ETag;
        }
        catch (Exception)
        {
            await AbortAsync(physical, key, uploadId).ConfigureAwait(false);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var modified = await LastModifiedAsync(bucket, key, physical, etag, cancellationToken).ConfigureAwait(false);
        return new ObjectInfo(bucket, key, known.Length, known.Md5, known.Sha256, modified, metadata);
    }

    private async Task AbortAsync(string physical, string key, string uploadId)
    {
        try
        {
            await _client.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest { BucketName = physical, Key = key, UploadId = uploadId },
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException or IOException)
        {
            // The failure that got us here is the one to report. Parts an abort could not remove are
            // invisible and are collected by the buckets' AbortIncompleteMultipartUpload lifecycle rule.
        }
    }

    /// <summary>S3's PUT and complete responses carry no Last-Modified, so ask, for the version we wrote.</summary>
    private async Task<DateTimeOffset> LastModifiedAsync(string bucket, string key, string physical, string? etag, CancellationToken cancellationToken)
    {
        var written = await HeadObjectAsync(bucket, key, physical, etag, cancellationToken).ConfigureAwait(false);

        // Null: another writer replaced or deleted it already; the clock is the best we know then.
        return written?.Info.LastModified ?? DateTimeOffset.UtcNow;
    }

    private async Task<Described?> HeadObjectAsync(string bucket, string key, string physical, string? etag, CancellationToken cancellationToken)
    {
        GetObjectMetadataResponse response;
        try
        {
            response = await _client.GetObjectMetadataAsync(
                new GetObjectMetadataRequest { BucketName = physical, Key = key, EtagToMatch = etag },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.PreconditionFailed)
        {
            return null;
        }

        string? md5 = null;
        string? sha256 = null;
        var user = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in response.Metadata.Keys)
        {
            var name = header.StartsWith(MetadataHeaderPrefix, StringComparison.OrdinalIgnoreCase)
                ? header[MetadataHeaderPrefix.Length..].ToLowerInvariant()
                : header.ToLowerInvariant();
            var value = response.Metadata[header];
            switch (name)
            {
                case Md5MetadataName:
                    md5 = IsHex(value, 32) ? value : null;
                    break;
                case Sha256MetadataName:
                    sha256 = IsHex(value, 64) ? value : null;
                    break;
                default:
                    if (!name.StartsWith(ObjectMetadata.ReservedPrefix, StringComparison.Ordinal))
                    {
                        user[name] = value;
                    }

                    break;
            }
        }

        var info = new ObjectInfo(
            bucket,
            key,
            response.Headers.ContentLength,
            md5,
            sha256,
            ToUtc(response.LastModified),
            user.Count == 0 ? ObjectMetadata.Empty : user.AsReadOnly());
        return new Described(info, response.ETag);
    }

    /// <summary>
    /// SDK v4 escapes every '/' of <c>x-amz-copy-source</c> (<c>bucket%2Fdir%2Fkey</c>). S3 decodes that,
    /// but servers that split the header on '/' before decoding (s3rver among them) read the whole
    /// value as a bucket name. The AWS CLI sends the slashes as they are, a form every S3
    /// implementation accepts, so send that. Runs after marshalling and before signing.
    /// </summary>
    private static void KeepSlashesInCopySource(object sender, RequestEventArgs e)
    {
        const string header = "x-amz-copy-source";

        // A '%' in a key is escaped as %25, so "%2F" here is always an escaped '/'.
        if (e is WebServiceRequestEventArgs args && args.Headers.TryGetValue(header, out var value))
        {
            args.Headers[header] = value.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        }
    }

    private static void AddMetadata(MetadataCollection target, IReadOnlyDictionary<string, string> metadata, string md5, string sha256)
    {
        foreach (var (name, value) in metadata)
        {
            target[name] = value;
        }

        target[Md5MetadataName] = md5;
        target[Sha256MetadataName] = sha256;
    }

    private static async Task CopyAtMostAsync(Stream source, Stream destination, long limit, ContentHasher? hasher, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(SpoolBufferSize);
        try
        {
            long copied = 0;
            while (copied < limit)
            {
                var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(SpoolBufferSize, limit - copied)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                hasher?.Append(buffer.AsSpan(0, read));
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                copied += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private string Resolve(string bucket, string key)
    {
        ObjectNames.ValidateBucket(bucket);
        ObjectNames.ValidateKey(key);
        return PhysicalBucket(bucket);
    }

    private string PhysicalBucket(string bucket) =>
        _options.BucketNames.TryGetValue(bucket, out var physical)
            ? physical
            : throw new InvalidOperationException(
                $"No S3 bucket is configured for logical bucket '{bucket}' (S3ObjectStoreOptions.BucketNames).");

    private static AmazonS3Client CreateClient(S3ObjectStoreOptions options)
    {
        var config = CreateConfig(options);
        return options.Credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(options.Credentials, config);
    }

    private static S3ObjectStoreOptions Validated(S3ObjectStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.BucketNames);
        foreach (var (logical, physical) in options.BucketNames)
        {
            ObjectNames.ValidateBucket(logical);
            ObjectNames.ValidateBucket(physical);
        }

        if (options.MultipartThreshold is < 0 or > 1L << 30)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MultipartThreshold, "MultipartThreshold must be between 0 and 1 GiB (it is held in memory).");
        }

        if (options.PartSize is < S3ObjectStoreOptions.MinPartSize or > 1 << 30)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PartSize, "PartSize must be between 5 MiB (S3's minimum) and 1 GiB (it is held in memory).");
        }

        return options;
    }

    private static DateTimeOffset ToUtc(DateTime? value) => value switch
    {
        null => DateTimeOffset.UtcNow,
        { Kind: DateTimeKind.Unspecified } v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)),
        { } v => new DateTimeOffset(v.ToUniversalTime()),
    };

    private static bool IsHex(string value, int length) => value.Length == length && value.All(char.IsAsciiHexDigitLower);

    private sealed record Digests(long Length, string Md5, string Sha256);

    private sealed record Described(ObjectInfo Info, string ETag);
}
