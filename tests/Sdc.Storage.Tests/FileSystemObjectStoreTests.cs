using System.Text;
using System.Web;
using Sdc.Storage.FileSystem;
using Sdc.Storage.Tests.Support;

namespace Sdc.Storage.Tests;

/// <summary>The contract on the file-system adapter, plus what only it does: folders, sidecars, local presigned URLs.</summary>
public sealed class FileSystemObjectStoreTests : ObjectStoreContractTests
{
    private static readonly Uri BaseUrl = new("http://127.0.0.1:5080/sdc/");
    private static readonly byte[] SigningKey = Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef-test-key");

    private readonly string _sandbox = Path.Combine(Path.GetTempPath(), "sdc-storage-tests", Guid.NewGuid().ToString("N"));
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private string Root => Path.Combine(_sandbox, "buckets");

    private FileSystemObjectStore FileStore => (FileSystemObjectStore)Store;

    [Fact]
    public async Task PutAsync_Key_IsAFileAtTheSameKeyUnderTheBucketFolder()
    {
        await Store.PutAsync(Bucket, "l0/exi/2024/file.dat", new MemoryStream([1, 2, 3]));

        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(Path.Combine(Root, Bucket, "l0", "exi", "2024", "file.dat")));
    }

    [Fact]
    public async Task PutAsync_WithMetadata_KeepsSidecarsAndTemporaryFilesOutOfEveryBucketFolder()
    {
        await Store.PutAsync(Bucket, "a/b", new MemoryStream([1]), new Dictionary<string, string> { ["k"] = "v" });
        await Store.PutAsync(OtherBucket, "c", new MemoryStream([2]), new Dictionary<string, string> { ["k"] = "v" });

        Assert.Equal([".sdc-store", Bucket, OtherBucket], Directory.GetDirectories(Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.GetFiles(Root));
        Assert.Equal([Path.Combine(Root, Bucket, "a", "b")], Directory.GetFiles(Path.Combine(Root, Bucket), "*", SearchOption.AllDirectories));
        Assert.Equal([Path.Combine(Root, OtherBucket, "c")], Directory.GetFiles(Path.Combine(Root, OtherBucket), "*", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(Path.Combine(Root, ".sdc-store", "tmp")));
    }

    [Fact]
    public async Task ListAsync_KeysThatOrdinalFolderWalksGetWrong_ReturnsUtf8ByteOrder()
    {
        // '-' < '.' < '/' in bytes, so "a-b" and "a.dat" come before everything in folder "a"; U+FF5E
        // (EF BD 9E in UTF-8) comes before U+1F600 (F0 9F 98 80) although its UTF-16 form sorts after.
        string[] keys = ["o/a/x", "o/a.dat", "o/a-b", "o/b", "o/\U0001F600.txt", "o/\uFF5E.txt", "o/B", "o/a/y/.../z"];
        foreach (var key in keys)
        {
            await Store.PutAsync(Bucket, key, new MemoryStream([1]));
        }

        Assert.Equal(["o/B", "o/a-b", "o/a.dat", "o/a/x", "o/a/y/.../z", "o/b", "o/\uFF5E.txt", "o/\U0001F600.txt"], await KeysAsync(Bucket, "o/"));
    }

    [Fact]
    public async Task ListAsync_NamesNoKeyCanHave_AreLeftOut()
    {
        await Store.PutAsync(Bucket, "ok", new MemoryStream([1]));
        Directory.CreateDirectory(Path.Combine(Root, Bucket));
        await File.WriteAllBytesAsync(Path.Combine(Root, Bucket, "back\\slash"), [1]);
        await File.WriteAllBytesAsync(Path.Combine(Root, Bucket, "control\u0001char"), [1]);

        Assert.Equal(["ok"], await KeysAsync(Bucket));
    }

    [Fact]
    public async Task HeadAsync_FileDroppedIntoBucketFolder_DescribesItWithUnknownChecksums()
    {
        Directory.CreateDirectory(Path.Combine(Root, "inbox", "moc"));
        await File.WriteAllBytesAsync(Path.Combine(Root, "inbox", "moc", "dropped.dat"), [1, 2, 3, 4]);

        var head = await Store.HeadAsync("inbox", "moc/dropped.dat");
        var copy = await Store.CopyAsync("inbox", "moc/dropped.dat", Bucket, "copied.dat");

        Assert.NotNull(head);
        Assert.Equal(4, head.Size);
        Assert.Null(head.Md5);
        Assert.Null(head.Sha256);
        Assert.Empty(head.Metadata);
        Assert.Equal(["moc/dropped.dat"], await KeysAsync("inbox"));
        Assert.Equal(TestContent.Md5([1, 2, 3, 4]), copy.Md5);
    }

    [Fact]
    public async Task HeadAsync_FileReplacedBehindTheStoresBack_IgnoresTheStaleSidecar()
    {
        await Store.PutAsync(Bucket, "replaced", new MemoryStream([1, 2, 3]), new Dictionary<string, string> { ["k"] = "v" });
        var path = Path.Combine(Root, Bucket, "replaced");
        await File.WriteAllBytesAsync(path, [9, 9, 9]);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));

        var head = await Store.HeadAsync(Bucket, "replaced");

        Assert.NotNull(head);
        Assert.Equal(3, head.Size);
        Assert.Null(head.Md5);
        Assert.Empty(head.Metadata);
    }

    [Fact]
    public async Task PutAsync_KeyBelowAnExistingObject_ThrowsIOExceptionNamingTheConflict()
    {
        await Store.PutAsync(Bucket, "a", new MemoryStream([1]));
        await Store.PutAsync(Bucket, "x/y", new MemoryStream([1]));

        var below = await Assert.ThrowsAsync<IOException>(() => Store.PutAsync(Bucket, "a/b", new MemoryStream([2])));
        var above = await Assert.ThrowsAsync<IOException>(() => Store.PutAsync(Bucket, "x", new MemoryStream([2])));

        Assert.Contains("'a' is an object", below.Message, StringComparison.Ordinal);
        Assert.Contains("other objects are stored below", above.Message, StringComparison.Ordinal);
        Assert.Equal(["a", "x/y"], await KeysAsync(Bucket));
    }

    [Fact]
    public async Task PutAsync_ConcurrentWritersOfOneKey_LeaveOneWholeObjectWithItsOwnChecksums()
    {
        // Many small writers released together, many times: the window between a writer's two
        // renames (sidecar, object) is short, and only many collisions make missing locking show.
        for (var round = 0; round < 20; round++)
        {
            var contents = Enumerable.Range(0, 32).Select(i => TestContent.Bytes(100 + i, seed: (round * 100) + i)).ToArray();
            using var start = new ManualResetEventSlim();
            var writers = contents.Select(c => Task.Run(async () =>
            {
                start.Wait();
                await Store.PutAsync(Bucket, "contended", new MemoryStream(c), new Dictionary<string, string> { ["len"] = c.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            })).ToArray();
            start.Set();
            await Task.WhenAll(writers);

            var read = await TestContent.ReadAllAsync(await Store.OpenReadAsync(Bucket, "contended"));
            var head = await Store.HeadAsync(Bucket, "contended");
            Assert.Contains(contents, c => c.AsSpan().SequenceEqual(read));
            Assert.Equal(TestContent.Sha256(read), head?.Sha256);
            Assert.Equal(read.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), head?.Metadata["len"]);
        }
    }

    [Fact]
    public async Task InvalidKeys_EscapingAttempts_CreateNothingOutsideTheBucketFolderOrTheSandbox()
    {
        var outside = Path.Combine(_sandbox, "etc", "passwd");
        Assert.False(File.Exists("/abs"));

        foreach (var key in new[] { "../../etc/passwd", "../" + Bucket + "2/x", "/abs", "a/../../../etc/passwd", "..\\..\\etc\\passwd", "%2e%2e/%2e%2e/x/../../y" })
        {
            await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.PutAsync(Bucket, key, new MemoryStream([1])));
            await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.MoveAsync(Bucket, "nothing", Bucket, key));
        }

        Assert.False(File.Exists(outside));
        Assert.False(File.Exists("/abs"));
        Assert.Empty(Directory.GetFiles(_sandbox, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task PresignGetAsync_Url_PointsAtTheHostsObjectRoute()
    {
        var url = await Store.PresignGetAsync(Bucket, "dir/a b+c%.fits", TimeSpan.FromMinutes(5));

        Assert.StartsWith("http://127.0.0.1:5080/sdc/objects/archive/dir/a%20b%2Bc%25.fits?expires=", url.AbsoluteUri, StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(url.Query);
        Assert.Equal((_clock.GetUtcNow() + TimeSpan.FromMinutes(5)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), query["expires"]);
        Assert.Matches("^[0-9a-f]{64}$", query["signature"]);
    }

    [Fact]
    public async Task VerifyPresignedUrl_UntilExpiry_IsValidThenExpired()
    {
        var request = Parse(await Store.PresignGetAsync(Bucket, "k", TimeSpan.FromMinutes(5)));

        Assert.Equal(PresignedUrlStatus.Valid, Verify("GET", request));
        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(PresignedUrlStatus.Valid, Verify("GET", request));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(PresignedUrlStatus.Expired, Verify("GET", request));
        _clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(PresignedUrlStatus.Expired, Verify("GET", request));
    }

    [Fact]
    public async Task VerifyPresignedUrl_AnythingChanged_IsInvalid()
    {
        var get = Parse(await Store.PresignGetAsync(Bucket, "dir/k", TimeSpan.FromMinutes(5)));
        var put = Parse(await Store.PresignPutAsync(Bucket, "dir/k", TimeSpan.FromMinutes(5)));
        var later = (long.Parse(get.Expires!, System.Globalization.CultureInfo.InvariantCulture) + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var flipped = (get.Signature![0] == 'a' ? "b" : "a") + get.Signature[1..];
        var otherStore = new FileSystemObjectStore(
            new() { RootPath = Root, PublicBaseUrl = BaseUrl, SigningKey = Encoding.ASCII.GetBytes(new string('z', 32)) }, _clock);

        Assert.Equal(PresignedUrlStatus.Valid, Verify("GET", get));
        Assert.Equal(PresignedUrlStatus.Valid, Verify("get", get));
        Assert.Equal(PresignedUrlStatus.Valid, Verify("PUT", put));
        Assert.Equal(PresignedUrlStatus.Invalid, Verify("PUT", get));
        Assert.Equal(PresignedUrlStatus.Invalid, Verify("GET", put));
        Assert.Equal(PresignedUrlStatus.Invalid, Verify("DELETE", get));
        Assert.Equal(PresignedUrlStatus.Invalid, Verify("GET", get with { Key = "dir/other" }));
        Assert.Equal(PresignedUrlStatus.Invalid, Verify("GET", get with { Bucket = OtherBucket }));
        Assert.Equal(PresignedUrlStatus.Invalid, Verify("GET", get with { Expires = later }));
        Assert.Equal(PresignedUrlStatus.Invalid, Verify("GET", get with { Expires = "+" + get.Expires }));
        Assert.Equal(PresignedUrlStatus.Invalid, Verify("GET", get with { Expires = null }));
        Assert.Equal(PresignedUrlStatus.Invalid, Verify("GET", get with { Signature = flipped }));
        Assert.Equal(PresignedUrlStatus.Invalid, Verify("GET", get with { Signature = get.Signature.ToUpperInvariant() + "00" }));
        Assert.Equal(PresignedUrlStatus.Invalid, Verify("GET", get with { Signature = new string('g', 64) }));
        Assert.Equal(PresignedUrlStatus.Invalid, Verify("GET", get with { Signature = null }));
        Assert.Equal(PresignedUrlStatus.Invalid, Verify("GET", get with { Key = "dir/../dir/k" }));
        Assert.Equal(PresignedUrlStatus.Invalid, otherStore.VerifyPresignedUrl("GET", get.Bucket, get.Key, get.Expires, get.Signature));
    }

    [Fact]
    public async Task PresignGetAsync_StoreWithoutBaseUrl_ThrowsInvalidOperation()
    {
        var plain = new FileSystemObjectStore(new() { RootPath = Root });

        await Assert.ThrowsAsync<InvalidOperationException>(() => plain.PresignGetAsync(Bucket, "k", TimeSpan.FromMinutes(1)));
        Assert.Throws<InvalidOperationException>(() => plain.VerifyPresignedUrl("GET", Bucket, "k", "1", "00"));
    }

    [Fact]
    public void Constructor_ShortSigningKey_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new FileSystemObjectStore(new() { RootPath = Root, PublicBaseUrl = BaseUrl, SigningKey = new byte[16] }));
    }

    protected override Task<IObjectStore> CreateStoreAsync()
    {
        Directory.CreateDirectory(_sandbox);
        IObjectStore store = new FileSystemObjectStore(new() { RootPath = Root, PublicBaseUrl = BaseUrl, SigningKey = SigningKey }, _clock);
        return Task.FromResult(store);
    }

    protected override Task DestroyStoreAsync(IObjectStore store)
    {
        Directory.Delete(_sandbox, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Does what the local host will do: verify, then serve from the store.</summary>
    protected override async Task<byte[]> FetchPresignedAsync(Uri url, string bucket, string key)
    {
        var request = Parse(url);
        Assert.Equal((bucket, key), (request.Bucket, request.Key));
        Assert.Equal(PresignedUrlStatus.Valid, Verify("GET", request));
        return await TestContent.ReadAllAsync(await Store.OpenReadAsync(request.Bucket, request.Key));
    }

    protected override async Task UploadPresignedAsync(Uri url, string bucket, string key, byte[] content)
    {
        var request = Parse(url);
        Assert.Equal((bucket, key), (request.Bucket, request.Key));
        Assert.Equal(PresignedUrlStatus.Valid, Verify("PUT", request));
        await Store.PutAsync(request.Bucket, request.Key, new MemoryStream(content));
    }

    protected override Task<string> SnapshotAsync()
    {
        var files = Directory.GetFileSystemEntries(_sandbox, "*", SearchOption.AllDirectories)
            .Where(p => !p.StartsWith(Path.Combine(Root, ".sdc-store"), StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => File.Exists(p) ? $"{p}:{new FileInfo(p).Length}" : p);
        return Task.FromResult(string.Join('\n', files) + $"\n/abs:{File.Exists("/abs")}");
    }

    protected override Task AssertHalfWrittenStateAsync(string bucket, string key)
    {
        Assert.False(File.Exists(Path.Combine(Root, bucket, key)));
        Assert.False(Directory.Exists(Path.Combine(Root, bucket)) && Directory.EnumerateFileSystemEntries(Path.Combine(Root, bucket)).Any());
        var temp = Assert.Single(Directory.GetFiles(Path.Combine(Root, ".sdc-store", "tmp")));
        Assert.Equal(LargeSize / 2, new FileInfo(temp).Length);
        return Task.CompletedTask;
    }

    protected override Task AssertNoStrayFilesAsync()
    {
        Assert.Empty(Directory.GetFiles(Path.Combine(Root, ".sdc-store", "tmp")));
        return Task.CompletedTask;
    }

    private PresignedUrlStatus Verify(string method, PresignedRequest request) =>
        FileStore.VerifyPresignedUrl(method, request.Bucket, request.Key, request.Expires, request.Signature);

    /// <summary>Splits a URL as the host's route <c>/objects/{bucket}/{**key}</c> will.</summary>
    private static PresignedRequest Parse(Uri url)
    {
        var path = url.AbsolutePath;
        var start = path.IndexOf("/objects/", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No /objects/ route in {url.AbsoluteUri}");
        var segments = path[(start + "/objects/".Length)..].Split('/').Select(Uri.UnescapeDataString).ToArray();
        var query = HttpUtility.ParseQueryString(url.Query);
        return new PresignedRequest(segments[0], string.Join('/', segments[1..]), query["expires"], query["signature"]);
    }

    private sealed record PresignedRequest(string Bucket, string Key, string? Expires, string? Signature);
}
