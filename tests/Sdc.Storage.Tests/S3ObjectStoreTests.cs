using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Sdc.Storage.S3;
using Sdc.Storage.Tests.Support;

namespace Sdc.Storage.Tests;

/// <summary>
/// The contract on the S3 adapter against a real S3 server (s3rver, started by the test script),
/// plus what only it does: multipart uploads, checksums in metadata, SDK presigned URLs.
/// </summary>
public sealed class S3ObjectStoreTests : ObjectStoreContractTests, IDisposable
{
    private static readonly HttpClient Http = new();
    private readonly string _run = Guid.NewGuid().ToString("N")[..12];
    private readonly RecordingHttpClientFactory _wire = new();
    private readonly string _spool = Path.Combine(Path.GetTempPath(), "sdc-storage-tests", "spool-" + Guid.NewGuid().ToString("N"));
    private AmazonS3Client? _admin;
    private AmazonS3Client? _storeClient;
    private S3ObjectStoreOptions? _options;

    private AmazonS3Client Admin => _admin ?? throw new InvalidOperationException("Not initialised.");

    private S3ObjectStoreOptions Options => _options ?? throw new InvalidOperationException("Not initialised.");

    [Fact]
    public async Task PutAsync_SmallObject_SendsOnePutWithContentMd5AndNoChunkedTrailer()
    {
        var content = TestContent.Bytes(10_000, seed: 20);
        _wire.Clear();

        await Store.PutAsync(Bucket, "small", new MemoryStream(content));

        var put = Assert.Single(_wire.Requests, r => r.Method == "PUT");
        Assert.False(put.HasQuery("uploadId"));
        Assert.Equal(Convert.ToBase64String(Convert.FromHexString(TestContent.Md5(content))), put.Headers["content-md5"]);
        Assert.False(put.Headers.ContainsKey("x-amz-trailer"));
        Assert.DoesNotContain("STREAMING", put.Headers.GetValueOrDefault("x-amz-content-sha256") ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("aws-chunked", put.Headers.GetValueOrDefault("content-encoding") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutAsync_LargeObject_UploadsPartsOfTheConfiguredSizeEachWithContentMd5()
    {
        var content = TestContent.Bytes(LargeSize, seed: 21);
        _wire.Clear();

        await Store.PutAsync(Bucket, "large/parts", new MemoryStream(content));

        var parts = _wire.Requests.Where(r => r.Method == "PUT" && r.HasQuery("partNumber")).ToList();
        Assert.Single(_wire.Requests, r => r.Method == "POST" && r.HasQuery("uploads"));
        Assert.Equal(3, parts.Count);
        Assert.Equal(
            [S3ObjectStoreOptions.MinPartSize, S3ObjectStoreOptions.MinPartSize, LargeSize - (2 * S3ObjectStoreOptions.MinPartSize)],
            parts.Select(p => long.Parse(p.Headers["content-length"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(parts, p => Assert.True(p.Headers.ContainsKey("content-md5")));
        Assert.Single(_wire.Requests, r => r.Method == "POST" && r.HasQuery("uploadId"));
        Assert.DoesNotContain(_wire.Requests, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task PutAsync_AnyObject_StoresChecksumsInObjectMetadata()
    {
        var content = TestContent.Bytes(LargeSize, seed: 22);

        await Store.PutAsync(Bucket, "meta/checksums", new ScriptedStream(content, seekable: false), new Dictionary<string, string> { ["level"] = "l0" });

        var raw = await Admin.GetObjectMetadataAsync(PhysicalBucket(Bucket), "meta/checksums");
        Assert.Equal(TestContent.Md5(content), raw.Metadata["x-amz-meta-sdc-md5"]);
        Assert.Equal(TestContent.Sha256(content), raw.Metadata["x-amz-meta-sdc-sha256"]);
        Assert.Equal("l0", raw.Metadata["x-amz-meta-level"]);
    }

    [Fact]
    public async Task PutAsync_StreamFailsDuringPartUploads_AbortsTheUploadAndStoresNothing()
    {
        // Seekable: the first read hashes, the second uploads; fail in the middle of the second.
        var content = TestContent.Bytes(LargeSize, seed: 23);
        var stream = new ScriptedStream(content, seekable: true) { FailAfterBytes = LargeSize + (LargeSize / 2) };
        _wire.Clear();

        await Assert.ThrowsAsync<IOException>(() => Store.PutAsync(Bucket, "aborted", stream));

        Assert.Contains(_wire.Requests, r => r.Method == "PUT" && r.HasQuery("partNumber"));
        Assert.Single(_wire.Requests, r => r.Method == "DELETE" && r.HasQuery("uploadId"));
        Assert.DoesNotContain(_wire.Requests, r => r.Method == "POST" && r.HasQuery("uploadId"));
        Assert.Null(await Store.HeadAsync(Bucket, "aborted"));
        Assert.Empty(await KeysAsync(Bucket));
    }

    [Fact]
    public async Task PutAsync_ContentChangesBetweenHashingAndUpload_AbortsAndThrows()
    {
        var content = TestContent.Bytes(LargeSize, seed: 24);
        var changed = (byte[])content.Clone();
        changed[LargeSize - 1] ^= 0xff;
        _wire.Clear();

        var ex = await Assert.ThrowsAsync<IOException>(
            () => Store.PutAsync(Bucket, "changed", new ScriptedStream(content, seekable: true) { ContentAfterRewind = changed }));

        Assert.Contains("changed while it was being uploaded", ex.Message, StringComparison.Ordinal);
        Assert.Single(_wire.Requests, r => r.Method == "DELETE" && r.HasQuery("uploadId"));
        Assert.Null(await Store.HeadAsync(Bucket, "changed"));
    }

    [Fact]
    public async Task HeadAsync_ObjectWrittenByAnotherClient_HasSizeButNoChecksums()
    {
        await Admin.PutObjectAsync(new PutObjectRequest { BucketName = PhysicalBucket(Bucket), Key = "moc/foreign.dat", ContentBody = "hello", UseChunkEncoding = false });

        var head = await Store.HeadAsync(Bucket, "moc/foreign.dat");

        Assert.NotNull(head);
        Assert.Equal(5, head.Size);
        Assert.Null(head.Md5);
        Assert.Null(head.Sha256);
        Assert.Empty(head.Metadata);
    }

    [Fact]
    public async Task ListAsync_KeysThePortRefuses_AreLeftOut()
    {
        await Admin.PutObjectAsync(new PutObjectRequest { BucketName = PhysicalBucket(Bucket), Key = "console-folder/", ContentBody = "", UseChunkEncoding = false });
        await Store.PutAsync(Bucket, "console-folder/real", new MemoryStream([1]));

        Assert.Equal(["console-folder/real"], await KeysAsync(Bucket));
    }

    [Fact]
    public async Task EveryOperation_UnmappedBucket_ThrowsInvalidOperationNamingIt()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.PutAsync("inbox", "k", new MemoryStream([1])));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.HeadAsync("inbox", "k"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => KeysAsync("inbox"));

        Assert.Contains("'inbox'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        var buckets = new Dictionary<string, string> { [Bucket] = "physical-archive" };

        Assert.Throws<ArgumentOutOfRangeException>(() => new S3ObjectStore(new S3ObjectStoreOptions { BucketNames = buckets, PartSize = 1024 * 1024 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new S3ObjectStore(new S3ObjectStoreOptions { BucketNames = buckets, MultipartThreshold = -1 }));
        Assert.Throws<InvalidBucketNameException>(() => new S3ObjectStore(new S3ObjectStoreOptions { BucketNames = new Dictionary<string, string> { [Bucket] = "Bad_Name" } }));
    }

    [Fact]
    public async Task Constructor_FromOptionsAlone_BuildsAWorkingClient()
    {
        using var store = new S3ObjectStore(Options);
        var content = TestContent.Bytes(1000, seed: 25);

        await store.PutAsync(Bucket, "own-client", new MemoryStream(content));

        Assert.Equal(content, await TestContent.ReadAllAsync(await store.OpenReadAsync(Bucket, "own-client")));
    }

    [Fact]
    public async Task PresignGetAsync_Url_AddressesThePhysicalBucket()
    {
        var url = await Store.PresignGetAsync(Bucket, "k", TimeSpan.FromMinutes(5));

        Assert.Contains($"/{PhysicalBucket(Bucket)}/k", url.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("X-Amz-Signature=", url.Query, StringComparison.Ordinal);
        var expires = System.Web.HttpUtility.ParseQueryString(url.Query)["X-Amz-Expires"];
        Assert.InRange(int.Parse(expires!, System.Globalization.CultureInfo.InvariantCulture), 299, 301);
    }

    [Fact]
    public async Task PresignGetAsync_MaximumExpiry_StaysWithinS3sSevenDayLimit()
    {
        // S3 refuses X-Amz-Expires above 604800; rounding up a fraction of a second must not cross it.
        var url = await Store.PresignGetAsync(Bucket, "k", PresignedUrlLimits.MaxExpiry);

        var expires = System.Web.HttpUtility.ParseQueryString(url.Query)["X-Amz-Expires"];
        Assert.InRange(int.Parse(expires!, System.Globalization.CultureInfo.InvariantCulture), 604_700, 604_800);
    }

    protected override async Task<IObjectStore> CreateStoreAsync()
    {
        var endpoint = Environment.GetEnvironmentVariable("SDC_TEST_S3_ENDPOINT");
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            throw new InvalidOperationException(
                "SDC_TEST_S3_ENDPOINT is not set, so there is no S3 server to test against. Run ./test.sh, or start the services with "
                + "`tests/services/start.sh <dir>` and `source <dir>/env.sh` before `dotnet test`.");
        }

        _options = new S3ObjectStoreOptions
        {
            ServiceUrl = new Uri(endpoint),
            Region = "us-east-1",
            ForcePathStyle = true,
            Credentials = new BasicAWSCredentials("S3RVER", "S3RVER"),
            BucketNames = new Dictionary<string, string>
            {
                [Bucket] = $"sdc-test-{_run}-{Bucket}",
                [OtherBucket] = $"sdc-test-{_run}-{OtherBucket}",
            },
            MultipartThreshold = S3ObjectStoreOptions.MinPartSize,
            PartSize = S3ObjectStoreOptions.MinPartSize,
            SpoolFolder = _spool,
        };
        Directory.CreateDirectory(_spool);
        _admin = new AmazonS3Client(_options.Credentials, S3ObjectStore.CreateConfig(_options));
        foreach (var physical in _options.BucketNames.Values)
        {
            await Admin.PutBucketAsync(physical);
        }

        var config = S3ObjectStore.CreateConfig(_options);
        config.HttpClientFactory = _wire;
        _storeClient = new AmazonS3Client(_options.Credentials, config);
        return new S3ObjectStore(_storeClient, _options);
    }

    protected override async Task DestroyStoreAsync(IObjectStore store)
    {
        foreach (var physical in Options.BucketNames.Values)
        {
            var listing = await Admin.ListObjectsV2Async(new ListObjectsV2Request { BucketName = physical });
            foreach (var item in listing.S3Objects ?? [])
            {
                await Admin.DeleteObjectAsync(physical, item.Key);
            }

            await Admin.DeleteBucketAsync(physical);
        }

        Directory.Delete(_spool, recursive: true);
    }

    public void Dispose()
    {
        _storeClient?.Dispose();
        _admin?.Dispose();
    }

    protected override async Task<byte[]> FetchPresignedAsync(Uri url, string bucket, string key)
    {
        using var response = await Http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url.AbsoluteUri} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    protected override async Task UploadPresignedAsync(Uri url, string bucket, string key, byte[] content)
    {
        using var response = await Http.PutAsync(url, new ByteArrayContent(content));
        Assert.True(response.IsSuccessStatusCode, $"PUT {url.AbsoluteUri} answered {(int)response.StatusCode}");
    }

    /// <summary>A large non-seekable stream is spooled to disk (hashing as it goes) before any request is made.</summary>
    protected override Task AssertHalfWrittenStateAsync(string bucket, string key)
    {
        var spool = Assert.Single(Directory.GetFiles(_spool));
        Assert.Equal(LargeSize / 2, new FileInfo(spool).Length);
        Assert.DoesNotContain(_wire.Requests, r => r.Method is "PUT" or "POST" && r.Uri.AbsolutePath.EndsWith("/" + key, StringComparison.Ordinal));
        return Task.CompletedTask;
    }

    protected override Task AssertNoStrayFilesAsync()
    {
        Assert.Empty(Directory.GetFiles(_spool));
        return Task.CompletedTask;
    }

    private string PhysicalBucket(string logical) => Options.BucketNames[logical];
}
