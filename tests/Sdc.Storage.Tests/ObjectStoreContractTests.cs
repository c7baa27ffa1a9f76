using System.Text;
using Sdc.Storage.Tests.Support;

namespace Sdc.Storage.Tests;

/// <summary>
/// The whole <see cref="IObjectStore"/> contract. Each adapter runs it through a derived class, so
/// a test's name says which adapter ran it; adapter-only behaviour lives in the derived classes.
/// </summary>
public abstract class ObjectStoreContractTests : IAsyncLifetime
{
    protected const string Bucket = "archive";
    protected const string OtherBucket = "products";

    /// <summary>Above the 5 MiB multipart threshold the S3 tests configure: three parts of 5 MiB, 5 MiB, 2 MiB.</summary>
    protected const int LargeSize = 12 * TestContent.MiB;

    private IObjectStore? _store;

    protected IObjectStore Store => _store ?? throw new InvalidOperationException("The store was not created.");

    public static TheoryData<string, string> InvalidKeys => new()
    {
        { "../../etc/passwd", "'.' or '..' segments" },
        { "/abs", "must not start with '/'" },
        { "a/../b", "'.' or '..' segments" },
        { "./a", "'.' or '..' segments" },
        { "a/.", "'.' or '..' segments" },
        { "a\\b", "backslash" },
        { "..\\..\\evil", "backslash" },
        { "a\u0000b", "control characters" },
        { "a\nb", "control characters" },
        { "a\u007fb", "control characters" },
        { "a\u0085b", "control characters" },
        { new string('k', 10_000), "at most 1024 bytes" },
        { new string('é', 513), "at most 1024 bytes" },
        { "", "must not be empty" },
        { "a//b", "empty segments" },
        { "a/", "empty segments" },
    };

    public static TheoryData<string> InvalidKeysOnly => new(InvalidKeys.Select(row => (string)row[0]));

    public static TheoryData<string> InvalidBuckets => new()
    {
        "Archive", "ab", "../archive", ".sdc-store", "a_b", "archive/x", "192.168.1.1", "-archive", "arch..ive", "xn--archive",
    };

    public static TheoryData<string, string, string> InvalidMetadata => new()
    {
        { "Instrument", "exi", "lowercase letters" },
        { "sdc-md5", "0", "reserved" },
        { "note", "caf\u00e9", "printable ASCII" },
        { "note", "a\nb", "printable ASCII" },
        { "note", " padded", "start or end with a space" },
        { "", "x", "lowercase letters" },
        { "big", new string('x', 2000), "at most 1920 bytes" },
    };

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await DestroyStoreAsync(_store);
        }
    }

    [Fact]
    public async Task PutAsync_NewObject_ReturnsSizeAndChecksumsOfContent()
    {
        var content = TestContent.Bytes(100_000);

        var info = await Store.PutAsync(Bucket, "l0/exi/file.dat", new MemoryStream(content));

        Assert.Equal(Bucket, info.Bucket);
        Assert.Equal("l0/exi/file.dat", info.Key);
        Assert.Equal(content.Length, info.Size);
        Assert.Equal(TestContent.Md5(content), info.Md5);
        Assert.Equal(TestContent.Sha256(content), info.Sha256);
        Assert.InRange(info.LastModified, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddMinutes(10));
        Assert.Empty(info.Metadata);
    }

    [Fact]
    public async Task PutAsync_KnownContent_ChecksumsEqualPublishedDigests()
    {
        var content = Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog");

        var info = await Store.PutAsync(Bucket, "fox.txt", new MemoryStream(content));
        var head = await Store.HeadAsync(Bucket, "fox.txt");

        Assert.Equal("9e107d9d372bb6826bd81d3542a419d6", info.Md5);
        Assert.Equal("d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592", info.Sha256);
        Assert.Equal(info.Md5, head?.Md5);
        Assert.Equal(info.Sha256, head?.Sha256);
    }

    [Fact]
    public async Task PutAsync_ThenReadAndHead_ReturnsSameBytesAndChecksums()
    {
        var content = TestContent.Bytes(300_000, seed: 2);

        var put = await Store.PutAsync(Bucket, "round/trip.bin", new MemoryStream(content));
        var read = await TestContent.ReadAllAsync(await Store.OpenReadAsync(Bucket, "round/trip.bin"));
        var head = await Store.HeadAsync(Bucket, "round/trip.bin");

        Assert.Equal(content, read);
        Assert.NotNull(head);
        Assert.Equal(content.Length, head.Size);
        Assert.Equal(TestContent.Md5(content), head.Md5);
        Assert.Equal(TestContent.Sha256(content), head.Sha256);
        Assert.Equal(put.LastModified.ToUnixTimeSeconds(), head.LastModified.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task PutAsync_EmptyStream_StoresEmptyObject()
    {
        var info = await Store.PutAsync(Bucket, "empty", new MemoryStream());

        Assert.Equal(0, info.Size);
        Assert.Equal("d41d8cd98f00b204e9800998ecf8427e", info.Md5);
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", info.Sha256);
        Assert.Empty(await TestContent.ReadAllAsync(await Store.OpenReadAsync(Bucket, "empty")));
    }

    [Fact]
    public async Task PutAsync_StreamNotAtStart_StoresOnlyTheRest()
    {
        var content = TestContent.Bytes(1000, seed: 3);
        var stream = new MemoryStream(content) { Position = 100 };

        var info = await Store.PutAsync(Bucket, "rest", stream);

        Assert.Equal(content[100..], await TestContent.ReadAllAsync(await Store.OpenReadAsync(Bucket, "rest")));
        Assert.Equal(TestContent.Md5(content[100..]), info.Md5);
    }

    [Fact]
    public async Task PutAsync_ExistingKey_ReplacesContentChecksumsAndMetadata()
    {
        var first = TestContent.Bytes(5000, seed: 4);
        var second = TestContent.Bytes(7000, seed: 5);
        await Store.PutAsync(Bucket, "same/key", new MemoryStream(first), new Dictionary<string, string> { ["version"] = "1", ["old"] = "yes" });

        await Store.PutAsync(Bucket, "same/key", new MemoryStream(second), new Dictionary<string, string> { ["version"] = "2" });

        var head = await Store.HeadAsync(Bucket, "same/key");
        Assert.Equal(second, await TestContent.ReadAllAsync(await Store.OpenReadAsync(Bucket, "same/key")));
        Assert.NotNull(head);
        Assert.Equal(second.Length, head.Size);
        Assert.Equal(TestContent.Sha256(second), head.Sha256);
        Assert.Equal(new Dictionary<string, string> { ["version"] = "2" }, head.Metadata);
        Assert.Equal(["same/key"], await KeysAsync(Bucket));
    }

    [Fact]
    public async Task HeadAsync_MissingObject_ReturnsNull()
    {
        await Store.PutAsync(Bucket, "present", new MemoryStream([1]));

        Assert.Null(await Store.HeadAsync(Bucket, "absent"));
        Assert.Null(await Store.HeadAsync(Bucket, "present/below"));
        Assert.Null(await Store.HeadAsync(OtherBucket, "present"));
    }

    [Fact]
    public async Task HeadAsync_KeyThatIsOnlyAPrefix_ReturnsNull()
    {
        await Store.PutAsync(Bucket, "folder/object", new MemoryStream([1]));

        Assert.Null(await Store.HeadAsync(Bucket, "folder"));
    }

    [Fact]
    public async Task OpenReadAsync_MissingObject_ThrowsObjectNotFoundNamingBucketAndKey()
    {
        var ex = await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.OpenReadAsync(Bucket, "no/such/object"));

        Assert.Equal(Bucket, ex.Bucket);
        Assert.Equal("no/such/object", ex.Key);
        Assert.Contains("no/such/object", ex.Message, StringComparison.Ordinal);
        Assert.Contains(Bucket, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenReadAsync_KeyThatIsOnlyAPrefix_ThrowsObjectNotFound()
    {
        await Store.PutAsync(Bucket, "folder/object", new MemoryStream([1]));

        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.OpenReadAsync(Bucket, "folder"));
    }

    [Fact]
    public async Task ListAsync_Prefix_ReturnsKeysBelowItInKeyOrder()
    {
        string[] keys = ["l1/exi/b.fits", "l1/exi/a.fits", "l1/exi/2024/01/c.fits", "l1/emirs/a.fits", "l1/exo/a.fits", "l2/exi/a.fits", "l1x.fits"];
        foreach (var key in keys)
        {
            await Store.PutAsync(Bucket, key, new MemoryStream(Encoding.UTF8.GetBytes(key)));
        }

        var listed = await ListAsync(Bucket, "l1/exi/");

        Assert.Equal(["l1/exi/2024/01/c.fits", "l1/exi/a.fits", "l1/exi/b.fits"], listed.Select(e => e.Key));
        Assert.All(listed, e => Assert.Equal(Encoding.UTF8.GetByteCount(e.Key), e.Size));
        Assert.All(listed, e => Assert.InRange(e.LastModified, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddMinutes(10)));
    }

    [Fact]
    public async Task ListAsync_PartialAndNestedPrefixes_MatchKeysByPrefix()
    {
        // Keys where byte order and a sorted folder walk disagree ("a-b" < "a/c") are tested on the
        // file-system adapter only: s3rver lists in folder-walk order, where real S3 uses byte order.
        string[] keys = ["l1/exi/b.fits", "l1/exi/a.fits", "l1/exi/2024/01/c.fits", "l1/emirs/a.fits", "l1/exo/a.fits", "l2/exi/a.fits", "l1x.fits"];
        foreach (var key in keys)
        {
            await Store.PutAsync(Bucket, key, new MemoryStream([1]));
        }

        Assert.Equal(["l1/emirs/a.fits", "l1/exi/2024/01/c.fits", "l1/exi/a.fits", "l1/exi/b.fits", "l1/exo/a.fits"], await KeysAsync(Bucket, "l1/e"));
        Assert.Equal(["l1/exi/2024/01/c.fits"], await KeysAsync(Bucket, "l1/exi/2024/"));
        Assert.Equal(["l1/exi/2024/01/c.fits"], await KeysAsync(Bucket, "l1/exi/2024/01/c.fits"));
        Assert.Equal(["l1/emirs/a.fits", "l1/exi/2024/01/c.fits", "l1/exi/a.fits", "l1/exi/b.fits", "l1/exo/a.fits", "l1x.fits"], await KeysAsync(Bucket, "l1"));
        Assert.Empty(await KeysAsync(Bucket, "l3/"));
        Assert.Empty(await KeysAsync(Bucket, "l1/exi/2024/01/c.fits/"));
        Assert.Empty(await KeysAsync(OtherBucket));
    }

    [Fact]
    public async Task ListAsync_WholeBucket_ShowsExactlyTheObjectsWritten()
    {
        // Writes of every kind (with metadata, overwritten, copied, moved, failed) leave only real objects behind.
        await Store.PutAsync(Bucket, "a/one", new MemoryStream([1]), new Dictionary<string, string> { ["k"] = "v" });
        await Store.PutAsync(Bucket, "a/one", new MemoryStream([2]), new Dictionary<string, string> { ["k"] = "w" });
        await Store.PutAsync(Bucket, "b/two", new MemoryStream([3]));
        await Store.CopyAsync(Bucket, "b/two", Bucket, "c/three");
        await Store.MoveAsync(Bucket, "c/three", Bucket, "d/four");
        await Assert.ThrowsAsync<IOException>(() => Store.PutAsync(Bucket, "e/failed", new ScriptedStream(TestContent.Bytes(1000), false) { FailAfterBytes = 500 }));

        Assert.Equal(["a/one", "b/two", "d/four"], await KeysAsync(Bucket));
    }

    [Fact]
    public async Task CopyAsync_ExistingObject_CopiesContentChecksumsAndMetadataAcrossBuckets()
    {
        var content = TestContent.Bytes(50_000, seed: 6);
        var metadata = new Dictionary<string, string> { ["instrument"] = "exi", ["level"] = "l1" };
        await Store.PutAsync(Bucket, "src/file.fits", new MemoryStream(content), metadata);

        var copied = await Store.CopyAsync(Bucket, "src/file.fits", OtherBucket, "dst/copy.fits");

        Assert.Equal(OtherBucket, copied.Bucket);
        Assert.Equal("dst/copy.fits", copied.Key);
        Assert.Equal(TestContent.Md5(content), copied.Md5);
        Assert.Equal(TestContent.Sha256(content), copied.Sha256);
        Assert.Equal(metadata, copied.Metadata);
        Assert.Equal(content, await TestContent.ReadAllAsync(await Store.OpenReadAsync(OtherBucket, "dst/copy.fits")));
        Assert.Equal(metadata, (await Store.HeadAsync(OtherBucket, "dst/copy.fits"))?.Metadata);
        Assert.Equal(content, await TestContent.ReadAllAsync(await Store.OpenReadAsync(Bucket, "src/file.fits")));
    }

    [Fact]
    public async Task CopyAsync_MissingSource_ThrowsObjectNotFound()
    {
        var ex = await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.CopyAsync(Bucket, "missing", OtherBucket, "dst"));

        Assert.Equal("missing", ex.Key);
        Assert.Null(await Store.HeadAsync(OtherBucket, "dst"));
    }

    [Fact]
    public async Task CopyAsync_OverExistingObject_ReplacesIt()
    {
        await Store.PutAsync(Bucket, "new", new MemoryStream([9, 9, 9]), new Dictionary<string, string> { ["v"] = "new" });
        await Store.PutAsync(Bucket, "old", new MemoryStream([1]), new Dictionary<string, string> { ["v"] = "old" });

        await Store.CopyAsync(Bucket, "new", Bucket, "old");

        Assert.Equal([9, 9, 9], await TestContent.ReadAllAsync(await Store.OpenReadAsync(Bucket, "old")));
        Assert.Equal("new", (await Store.HeadAsync(Bucket, "old"))?.Metadata["v"]);
    }

    [Fact]
    public async Task MoveAsync_ExistingObject_MovesItAndRemovesSource()
    {
        var content = TestContent.Bytes(40_000, seed: 7);
        await Store.PutAsync(Bucket, "inbox/file.dat", new MemoryStream(content), new Dictionary<string, string> { ["origin"] = "moc" });

        var moved = await Store.MoveAsync(Bucket, "inbox/file.dat", OtherBucket, "archive/2024/file.dat");

        Assert.Null(await Store.HeadAsync(Bucket, "inbox/file.dat"));
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.OpenReadAsync(Bucket, "inbox/file.dat"));
        Assert.Empty(await KeysAsync(Bucket));
        Assert.Equal(content, await TestContent.ReadAllAsync(await Store.OpenReadAsync(OtherBucket, "archive/2024/file.dat")));
        Assert.Equal(TestContent.Sha256(content), moved.Sha256);
        var head = await Store.HeadAsync(OtherBucket, "archive/2024/file.dat");
        Assert.Equal(TestContent.Md5(content), head?.Md5);
        Assert.Equal("moc", head?.Metadata["origin"]);
    }

    [Fact]
    public async Task MoveAsync_WithinBucket_MovesIt()
    {
        await Store.PutAsync(Bucket, "a/b/c", new MemoryStream([1, 2]));

        await Store.MoveAsync(Bucket, "a/b/c", Bucket, "a/d");

        Assert.Equal(["a/d"], await KeysAsync(Bucket));
        Assert.Equal([1, 2], await TestContent.ReadAllAsync(await Store.OpenReadAsync(Bucket, "a/d")));
    }

    [Fact]
    public async Task MoveAsync_MissingSource_ThrowsObjectNotFound()
    {
        var ex = await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.MoveAsync(Bucket, "missing", OtherBucket, "dst"));

        Assert.Equal(Bucket, ex.Bucket);
        Assert.Null(await Store.HeadAsync(OtherBucket, "dst"));
    }

    [Fact]
    public async Task MoveAsync_OntoItself_KeepsObject()
    {
        await Store.PutAsync(Bucket, "stay", new MemoryStream([5]));

        await Store.MoveAsync(Bucket, "stay", Bucket, "stay");

        Assert.Equal([5], await TestContent.ReadAllAsync(await Store.OpenReadAsync(Bucket, "stay")));
    }

    [Fact]
    public async Task DeleteAsync_ExistingObject_RemovesIt()
    {
        await Store.PutAsync(Bucket, "x/y/z", new MemoryStream([1]), new Dictionary<string, string> { ["k"] = "v" });
        await Store.PutAsync(Bucket, "x/keep", new MemoryStream([2]));

        await Store.DeleteAsync(Bucket, "x/y/z");

        Assert.Null(await Store.HeadAsync(Bucket, "x/y/z"));
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.OpenReadAsync(Bucket, "x/y/z"));
        Assert.Equal(["x/keep"], await KeysAsync(Bucket));
    }

    [Fact]
    public async Task DeleteAsync_MissingObject_DoesNothing()
    {
        await Store.PutAsync(Bucket, "keep", new MemoryStream([1]));

        await Store.DeleteAsync(Bucket, "missing");
        await Store.DeleteAsync(Bucket, "missing/below/deep");
        await Store.DeleteAsync(OtherBucket, "keep");

        Assert.Equal(["keep"], await KeysAsync(Bucket));
    }

    [Fact]
    public async Task DeleteAsync_LastObjectBelowAPrefix_AllowsAnObjectNamedLikeThePrefix()
    {
        await Store.PutAsync(Bucket, "d/e/f", new MemoryStream([1]));
        await Store.DeleteAsync(Bucket, "d/e/f");

        await Store.PutAsync(Bucket, "d/e", new MemoryStream([2]));

        Assert.Equal(["d/e"], await KeysAsync(Bucket));
    }

    [Fact]
    public async Task PutAsync_Metadata_RoundTripsThroughHeadAndIsCopiedNotShared()
    {
        var metadata = new Dictionary<string, string>
        {
            ["instrument"] = "emirs",
            ["processor-version"] = "1.4.2",
            ["time_range"] = "2024-01-01T00:00:00Z/2024-01-02T00:00:00Z",
            ["note"] = "a b, c=d; e/f \"q\" ~!",
            ["empty"] = "",
        };

        var put = await Store.PutAsync(Bucket, "meta/obj", new MemoryStream([1]), metadata);
        metadata["instrument"] = "changed-after-put";
        var head = await Store.HeadAsync(Bucket, "meta/obj");

        Assert.NotNull(head);
        Assert.Equal("emirs", head.Metadata["instrument"]);
        Assert.Equal("emirs", put.Metadata["instrument"]);
        Assert.Equal(5, head.Metadata.Count);
        Assert.Equal("a b, c=d; e/f \"q\" ~!", head.Metadata["note"]);
        Assert.Equal("", head.Metadata["empty"]);
        Assert.Equal("2024-01-01T00:00:00Z/2024-01-02T00:00:00Z", head.Metadata["time_range"]);
        Assert.DoesNotContain(head.Metadata.Keys, k => k.StartsWith("sdc-", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(InvalidMetadata))]
    public async Task PutAsync_InvalidMetadata_ThrowsAndWritesNothing(string name, string value, string rule)
    {
        var ex = await Assert.ThrowsAsync<InvalidObjectMetadataException>(
            () => Store.PutAsync(Bucket, "meta/bad", new MemoryStream([1]), new Dictionary<string, string> { [name] = value }));

        Assert.Contains(rule, ex.Rule, StringComparison.Ordinal);
        Assert.Null(await Store.HeadAsync(Bucket, "meta/bad"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PutAsync_LargeObject_StoresWholeObjectWithChecksums(bool seekable)
    {
        var content = TestContent.Bytes(LargeSize, seed: 8);

        var info = await Store.PutAsync(Bucket, "large/object.bin", new ScriptedStream(content, seekable), new Dictionary<string, string> { ["k"] = "v" });

        Assert.Equal(content.Length, info.Size);
        Assert.Equal(TestContent.Md5(content), info.Md5);
        Assert.Equal(TestContent.Sha256(content), info.Sha256);
        var head = await Store.HeadAsync(Bucket, "large/object.bin");
        Assert.NotNull(head);
        Assert.Equal(content.Length, head.Size);
        Assert.Equal(TestContent.Md5(content), head.Md5);
        Assert.Equal(TestContent.Sha256(content), head.Sha256);
        Assert.Equal("v", head.Metadata["k"]);
        var read = await TestContent.ReadAllAsync(await Store.OpenReadAsync(Bucket, "large/object.bin"));
        Assert.Equal(TestContent.Sha256(content), TestContent.Sha256(read));
    }

    [Theory]
    [InlineData(100_000, false)]
    [InlineData(100_000, true)]
    [InlineData(LargeSize, false)]
    [InlineData(LargeSize, true)]
    public async Task PutAsync_StreamFailsHalfway_KeepsPreviousObjectAndShowsNothingNew(int size, bool seekable)
    {
        var previous = TestContent.Bytes(1000, seed: 9);
        await Store.PutAsync(Bucket, "crash/existing", new MemoryStream(previous), new Dictionary<string, string> { ["v"] = "1" });
        var failing = new ScriptedStream(TestContent.Bytes(size, seed: 10), seekable) { FailAfterBytes = size / 2 };

        await Assert.ThrowsAsync<IOException>(() => Store.PutAsync(Bucket, "crash/existing", failing));
        await Assert.ThrowsAsync<IOException>(() => Store.PutAsync(Bucket, "crash/new", new ScriptedStream(TestContent.Bytes(size, seed: 10), seekable) { FailAfterBytes = size / 2 }));

        Assert.Null(await Store.HeadAsync(Bucket, "crash/new"));
        Assert.Equal(previous, await TestContent.ReadAllAsync(await Store.OpenReadAsync(Bucket, "crash/existing")));
        var head = await Store.HeadAsync(Bucket, "crash/existing");
        Assert.Equal(TestContent.Md5(previous), head?.Md5);
        Assert.Equal("1", head?.Metadata["v"]);
        Assert.Equal(["crash/existing"], await KeysAsync(Bucket));
        await AssertNoStrayFilesAsync();
    }

    [Fact]
    public async Task PutAsync_WhileContentIsHalfWritten_ObjectIsInvisible()
    {
        var content = TestContent.Bytes(LargeSize, seed: 11);
        var stream = new ScriptedStream(content, seekable: false) { PauseAfterBytes = LargeSize / 2 };

        var put = Store.PutAsync(Bucket, "half/written", stream);
        await stream.Paused.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Null(await Store.HeadAsync(Bucket, "half/written"));
        Assert.Empty(await KeysAsync(Bucket));
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.OpenReadAsync(Bucket, "half/written"));
        await AssertHalfWrittenStateAsync(Bucket, "half/written");

        stream.Fail();
        await Assert.ThrowsAsync<IOException>(() => put);

        Assert.Null(await Store.HeadAsync(Bucket, "half/written"));
        Assert.Empty(await KeysAsync(Bucket));
        await AssertNoStrayFilesAsync();
    }

    [Fact]
    public async Task PutAsync_PausedThenResumed_StoresWholeObject()
    {
        var content = TestContent.Bytes(LargeSize, seed: 12);
        var stream = new ScriptedStream(content, seekable: false) { PauseAfterBytes = LargeSize / 2 };

        var put = Store.PutAsync(Bucket, "half/resumed", stream);
        await stream.Paused.WaitAsync(TimeSpan.FromSeconds(30));
        stream.Resume();
        var info = await put;

        Assert.Equal(TestContent.Sha256(content), info.Sha256);
        Assert.Equal(["half/resumed"], await KeysAsync(Bucket));
    }

    [Fact]
    public async Task PutAsync_Cancelled_ThrowsAndWritesNothing()
    {
        using var cancellation = new CancellationTokenSource();
        var stream = new ScriptedStream(TestContent.Bytes(LargeSize, seed: 13), seekable: false) { PauseAfterBytes = LargeSize / 3 };

        var put = Store.PutAsync(Bucket, "cancelled", stream, cancellationToken: cancellation.Token);
        await stream.Paused.WaitAsync(TimeSpan.FromSeconds(30));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => put);
        Assert.Null(await Store.HeadAsync(Bucket, "cancelled"));
        await AssertNoStrayFilesAsync();
    }

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public async Task PutAsync_InvalidKey_ThrowsNamingKeyAndRuleAndWritesNothing(string key, string rule)
    {
        var before = await SnapshotAsync();

        var ex = await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.PutAsync(Bucket, key, new MemoryStream([1, 2, 3])));

        Assert.Equal(key, ex.Key);
        Assert.Contains(rule, ex.Rule, StringComparison.Ordinal);
        Assert.Contains(rule, ex.Message, StringComparison.Ordinal);
        Assert.Contains(ObjectNames.ForDisplay(key), ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < 500, "A huge key is truncated in the message.");
        Assert.Empty(await KeysAsync(Bucket));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task PutAsync_KeyWithUnpairedSurrogate_ThrowsInvalidObjectKey()
    {
        // Not in the table above: xunit's theory serialisation would repair the surrogate.
        var key = "a" + '\ud800' + "b";

        var ex = await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.PutAsync(Bucket, key, new MemoryStream([1])));

        Assert.Contains("valid Unicode", ex.Rule, StringComparison.Ordinal);
        Assert.Empty(await KeysAsync(Bucket));
    }

    [Theory]
    [MemberData(nameof(InvalidKeysOnly))]
    public async Task EveryOperation_InvalidKey_ThrowsInvalidObjectKey(string key)
    {
        await Store.PutAsync(Bucket, "valid", new MemoryStream([1]));

        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.HeadAsync(Bucket, key));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.OpenReadAsync(Bucket, key));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.DeleteAsync(Bucket, key));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.CopyAsync(Bucket, "valid", Bucket, key));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.CopyAsync(Bucket, key, Bucket, "copy"));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.MoveAsync(Bucket, "valid", Bucket, key));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.MoveAsync(Bucket, key, Bucket, "moved"));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.PresignGetAsync(Bucket, key, TimeSpan.FromMinutes(5)));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.PresignPutAsync(Bucket, key, TimeSpan.FromMinutes(5)));
        Assert.Equal(["valid"], await KeysAsync(Bucket));
    }

    [Theory]
    [InlineData("/abs", "must not start with '/'")]
    [InlineData("../", "'.' or '..' segments")]
    [InlineData("a/../", "'.' or '..' segments")]
    [InlineData("a//", "empty segments")]
    [InlineData("a\\", "backslash")]
    public async Task ListAsync_InvalidPrefix_ThrowsInvalidObjectKey(string prefix, string rule)
    {
        var ex = await Assert.ThrowsAsync<InvalidObjectKeyException>(() => KeysAsync(Bucket, prefix));

        Assert.Contains(rule, ex.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidBuckets))]
    public async Task EveryOperation_InvalidBucket_ThrowsInvalidBucketName(string bucket)
    {
        var before = await SnapshotAsync();

        var ex = await Assert.ThrowsAsync<InvalidBucketNameException>(() => Store.PutAsync(bucket, "key", new MemoryStream([1])));
        await Assert.ThrowsAsync<InvalidBucketNameException>(() => Store.HeadAsync(bucket, "key"));
        await Assert.ThrowsAsync<InvalidBucketNameException>(() => Store.OpenReadAsync(bucket, "key"));
        await Assert.ThrowsAsync<InvalidBucketNameException>(() => KeysAsync(bucket));
        await Assert.ThrowsAsync<InvalidBucketNameException>(() => Store.DeleteAsync(bucket, "key"));
        await Assert.ThrowsAsync<InvalidBucketNameException>(() => Store.CopyAsync(Bucket, "key", bucket, "key"));
        await Assert.ThrowsAsync<InvalidBucketNameException>(() => Store.MoveAsync(bucket, "key", Bucket, "key"));
        await Assert.ThrowsAsync<InvalidBucketNameException>(() => Store.PresignGetAsync(bucket, "key", TimeSpan.FromMinutes(1)));

        Assert.Equal(bucket, ex.Bucket);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(8 * 24 * 3600)]
    public async Task PresignAsync_ExpiryOutOfRange_ThrowsArgumentOutOfRange(int seconds)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.PresignGetAsync(Bucket, "key", TimeSpan.FromSeconds(seconds)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.PresignPutAsync(Bucket, "key", TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public async Task PresignAsync_MaximumExpiry_ReturnsUsableUrl()
    {
        await Store.PutAsync(Bucket, "week", new MemoryStream([7]));

        var get = await Store.PresignGetAsync(Bucket, "week", PresignedUrlLimits.MaxExpiry);
        var put = await Store.PresignPutAsync(Bucket, "week", PresignedUrlLimits.MaxExpiry);

        Assert.Equal([7], await FetchPresignedAsync(get, Bucket, "week"));
        Assert.True(put.IsAbsoluteUri);
    }

    [Fact]
    public async Task PresignGetAsync_ExistingObject_ReturnsAbsoluteUrlThatGrantsItsBytes()
    {
        var content = TestContent.Bytes(20_000, seed: 14);
        await Store.PutAsync(Bucket, "share/me please.fits", new MemoryStream(content));

        var url = await Store.PresignGetAsync(Bucket, "share/me please.fits", TimeSpan.FromMinutes(10));

        Assert.True(url.IsAbsoluteUri);
        Assert.Equal(content, await FetchPresignedAsync(url, Bucket, "share/me please.fits"));
    }

    [Fact]
    public async Task PresignPutAsync_UploadThroughUrl_StoresTheBytes()
    {
        var content = TestContent.Bytes(30_000, seed: 15);

        var url = await Store.PresignPutAsync(Bucket, "uploads/l3 product.fits", TimeSpan.FromMinutes(10));
        await UploadPresignedAsync(url, Bucket, "uploads/l3 product.fits", content);

        Assert.Equal(content, await TestContent.ReadAllAsync(await Store.OpenReadAsync(Bucket, "uploads/l3 product.fits")));
        var head = await Store.HeadAsync(Bucket, "uploads/l3 product.fits");
        Assert.Equal(content.Length, head?.Size);
    }

    [Fact]
    public async Task PutAsync_UnicodeKey_RoundTripsAndLists()
    {
        const string key = "notes/Mars ☉ & élan + 100%.txt";

        await Store.PutAsync(Bucket, key, new MemoryStream([42]));

        Assert.Equal([key], await KeysAsync(Bucket));
        Assert.Equal([42], await TestContent.ReadAllAsync(await Store.OpenReadAsync(Bucket, key)));
    }

    /// <summary>Builds the adapter under test with empty buckets <see cref="Bucket"/> and <see cref="OtherBucket"/>.</summary>
    protected abstract Task<IObjectStore> CreateStoreAsync();

    protected abstract Task DestroyStoreAsync(IObjectStore store);

    /// <summary>GETs a presigned URL the way a client of this adapter would and returns the body.</summary>
    protected abstract Task<byte[]> FetchPresignedAsync(Uri url, string bucket, string key);

    /// <summary>PUTs a body to a presigned URL the way a client of this adapter would.</summary>
    protected abstract Task UploadPresignedAsync(Uri url, string bucket, string key, byte[] content);

    /// <summary>A fingerprint of everything the adapter could have written anywhere (equal before and after a refused operation).</summary>
    protected virtual Task<string> SnapshotAsync() => Task.FromResult("");

    /// <summary>Adapter-specific checks while a write is paused half-way (e.g. where the partial bytes are).</summary>
    protected virtual Task AssertHalfWrittenStateAsync(string bucket, string key) => Task.CompletedTask;

    /// <summary>Adapter-specific checks that a failed write left nothing behind.</summary>
    protected virtual Task AssertNoStrayFilesAsync() => Task.CompletedTask;

    protected async Task<List<ObjectEntry>> ListAsync(string bucket, string prefix = "")
    {
        var entries = new List<ObjectEntry>();
        await foreach (var entry in Store.ListAsync(bucket, prefix))
        {
            entries.Add(entry);
        }

        return entries;
    }

    protected async Task<List<string>> KeysAsync(string bucket, string prefix = "") =>
        (await ListAsync(bucket, prefix)).Select(e => e.Key).ToList();
}
