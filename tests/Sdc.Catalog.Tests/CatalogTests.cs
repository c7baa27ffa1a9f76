using System.Text;

namespace Sdc.Catalog.Tests;

/// <summary>
/// The catalog's behaviour, run once per engine by the derived classes (SqliteCatalogTests,
/// PostgresCatalogTests). Every test gets a fresh, migrated catalog.
/// </summary>
public abstract partial class CatalogTests : IAsyncLifetime
{
    protected ICatalog Catalog { get; private set; } = null!;

    /// <summary>Ends a hung test instead of the whole run (the timer's source needs no disposal once it fires).</summary>
    protected CancellationToken Ct { get; } = new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token;

    private IFileCatalog Files => Catalog.Files;

    /// <summary>Creates a new, empty store (file or schema) and opens a catalog on it (not migrated).</summary>
    protected abstract Task<ICatalog> OpenEmptyCatalogAsync();

    /// <summary>Runs raw SQL against the store of <see cref="Catalog"/> (to tamper with it or look behind the API).</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    /// <summary>Fails unless the plan drives the time-window search from the engine's time index without a full scan of files.</summary>
    protected abstract void AssertTimeIndexPlan(IReadOnlyList<string> plan);

    public async Task InitializeAsync()
    {
        Catalog = await OpenEmptyCatalogAsync();
        await Catalog.MigrateAsync(Ct);
    }

    public virtual async Task DisposeAsync()
    {
        await Catalog.DisposeAsync();
    }

    [Fact]
    public async Task MigrateAsync_SecondRun_AppliesNothing()
    {
        await using var catalog = await OpenEmptyCatalogAsync();

        var first = await catalog.MigrateAsync(Ct);
        var second = await catalog.MigrateAsync(Ct);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], first.Select(m => m.Version));
        Assert.Equal(["core", "indexes", "time_index", "ingest", "pipeline", "access", "lookup_indexes", "promotions"], first.Select(m => m.Name));
        Assert.Empty(second);
        var recorded = await catalog.GetAppliedMigrationsAsync(Ct);
        Assert.Equal(first.Select(m => (m.Version, m.Checksum)), recorded.Select(m => (m.Version, m.Checksum)));
        Assert.All(recorded, m => Assert.Matches("^[0-9a-f]{64}$", m.Checksum));
    }

    [Fact]
    public async Task GetAppliedMigrationsAsync_EmptyDatabase_ReturnsNothing()
    {
        await using var catalog = await OpenEmptyCatalogAsync();

        Assert.Empty(await catalog.GetAppliedMigrationsAsync(Ct));
        Assert.Equal(0, (await catalog.GetStatsAsync(Ct)).SchemaVersion);
    }

    [Fact]
    public async Task MigrateAsync_AppliedScriptChanged_ThrowsNamingMigration()
    {
        await ExecuteSqlAsync("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 2");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Catalog.MigrateAsync(Ct));

        Assert.Contains("0002 (indexes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_DatabaseAheadOfBuild_Throws()
    {
        await ExecuteSqlAsync("INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES (999, 'future', 0, 'x')");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Catalog.MigrateAsync(Ct));

        Assert.Contains("0999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_NewKey_StoresEveryFieldExactly()
    {
        var start = new DateTimeOffset(2021, 2, 24, 9, 56, 15, TimeSpan.Zero).AddTicks(1_234_560); // .123456 s
        var file = TestFiles.Product("EMU", "L2", start, TimeSpan.FromMinutes(7), "spe", orbit: 635, major: 3, minor: 1) with
        {
            // The same instant given with an offset comes back as UTC.
            EndTime = (start + TimeSpan.FromMinutes(7)).ToOffset(TimeSpan.FromHours(4)),
            Md5 = new string('A', 32),
        };

        var result = await Files.RegisterAsync(file, Ct);

        Assert.Equal(RegistrationOutcome.Registered, result.Outcome);
        var stored = await Files.FindByKeyAsync(file.Key, Ct);
        Assert.NotNull(stored);
        Assert.Equal(result.File, stored);
        Assert.Equal(file.Key, stored.Key);
        Assert.Equal("sdc-archive", stored.Bucket);
        Assert.Equal(FileKind.Product, stored.Kind);
        Assert.Equal("emu", stored.Instrument);
        Assert.Equal("l2", stored.Level);
        Assert.Equal("spe", stored.Descriptor);
        Assert.Equal(start, stored.StartTime);
        Assert.Equal(start.UtcTicks + TimeSpan.FromMinutes(7).Ticks, stored.EndTime!.Value.UtcTicks);
        Assert.Equal(TimeSpan.Zero, stored.EndTime.Value.Offset);
        Assert.Equal(635, stored.Orbit);
        Assert.Equal((3, 1), (stored.VersionMajor, stored.VersionMinor));
        Assert.True(stored.IsLatest);
        Assert.Equal(file.SizeBytes, stored.SizeBytes);
        Assert.Equal(new string('a', 32), stored.Md5);
        Assert.Equal(file.Sha256, stored.Sha256);
        Assert.Equal(FileStatus.Archived, stored.Status);
        Assert.InRange(stored.IngestedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task RegisterAsync_SameKeySameContent_ReturnsDuplicateOfExistingRow()
    {
        var first = await Files.RegisterAsync(TestFiles.Product(), Ct);

        var again = await Files.RegisterAsync(TestFiles.Product(), Ct);

        Assert.Equal(RegistrationOutcome.Duplicate, again.Outcome);
        Assert.Equal(first.File, again.File);
        Assert.Equal(1, (await Catalog.GetStatsAsync(Ct)).TotalFiles);
    }

    [Fact]
    public async Task RegisterAsync_SameKeyOtherContent_ReturnsConflictAndLeavesRowUntouched()
    {
        var first = await Files.RegisterAsync(TestFiles.Product(), Ct);

        var other = await Files.RegisterAsync(TestFiles.Product(contentSeed: "other bytes"), Ct);

        Assert.Equal(RegistrationOutcome.Conflict, other.Outcome);
        Assert.Equal(first.File, other.File);
        Assert.Equal(first.File, await Files.FindByKeyAsync(first.File.Key, Ct));
    }

    [Fact]
    public async Task RegisterAsync_SubMicrosecondTime_ThrowsNamingField()
    {
        var file = TestFiles.Product(start: TestFiles.Day0.AddTicks(5));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Files.RegisterAsync(file, Ct));

        Assert.Equal("StartTime", error.ParamName);
    }

    [Fact]
    public async Task RegisterAsync_BadChecksum_Throws()
    {
        var file = TestFiles.Product() with { Sha256 = "not-hex" };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Files.RegisterAsync(file, Ct));

        Assert.Equal("Sha256", error.ParamName);
    }

    [Fact]
    public async Task RegisterAsync_NewerVersion_MovesLatestFlag()
    {
        var v1 = await Files.RegisterAsync(TestFiles.Product(major: 1), Ct);
        var v2 = await Files.RegisterAsync(TestFiles.Product(major: 2), Ct);
        var v11 = await Files.RegisterAsync(TestFiles.Product(major: 1, minor: 1), Ct);

        Assert.False((await Files.FindByIdAsync(v1.File.Id, Ct))!.IsLatest);
        Assert.True((await Files.FindByIdAsync(v2.File.Id, Ct))!.IsLatest);
        Assert.False(v11.File.IsLatest);
    }

    [Fact]
    public async Task RegisterManyAsync_MixedBatch_CountsEachOutcome()
    {
        var existing = TestFiles.Product(start: TestFiles.Day0);
        var existingChanged = TestFiles.Product(start: TestFiles.Day0.AddHours(1));
        await Files.RegisterAsync(existing, Ct);
        await Files.RegisterAsync(existingChanged, Ct);
        var fresh = Enumerable.Range(2, 5).Select(h => TestFiles.Product(start: TestFiles.Day0.AddHours(h))).ToList();
        List<FileRegistration> batch =
        [
            existing,                                                   // duplicate of a stored row
            existingChanged with { Md5 = new string('0', 32) },         // conflict with a stored row
            .. fresh,                                                   // new
            fresh[0],                                                   // duplicate within the batch
            fresh[1] with { SizeBytes = 1 },                            // conflict within the batch
            TestFiles.Kernel(),                                         // new, no instrument
        ];

        var result = await Files.RegisterManyAsync(batch, Ct);

        Assert.Equal(6, result.Registered);
        Assert.Equal(2, result.Duplicates);
        Assert.Equal([existingChanged.Key, fresh[1].Key], result.ConflictKeys.Order(StringComparer.Ordinal));
        Assert.Equal(existingChanged.Md5, (await Files.FindByKeyAsync(existingChanged.Key, Ct))!.Md5);
        Assert.Equal(fresh[1].SizeBytes, (await Files.FindByKeyAsync(fresh[1].Key, Ct))!.SizeBytes);
        Assert.Equal(8, (await Catalog.GetStatsAsync(Ct)).TotalFiles);
    }

    [Fact]
    public async Task RegisterManyAsync_SameBatchTwice_SecondIsAllDuplicates()
    {
        var batch = Enumerable.Range(0, 50).Select(h => TestFiles.Product(start: TestFiles.Day0.AddHours(h))).ToList();

        var first = await Files.RegisterManyAsync(batch, Ct);
        var second = await Files.RegisterManyAsync(batch, Ct);

        Assert.Equal(new BulkRegistrationResult(50, 0, []), first with { ConflictKeys = [] });
        Assert.Empty(first.ConflictKeys);
        Assert.Equal((0, 50), (second.Registered, second.Duplicates));
        Assert.Empty(second.ConflictKeys);
    }

    [Fact]
    public async Task RegisterManyAsync_SeveralVersions_FlagsOnlyHighestAsLatest()
    {
        await Files.RegisterAsync(TestFiles.Product(major: 2, minor: 0), Ct);
        List<FileRegistration> batch =
        [
            TestFiles.Product(major: 1, minor: 0),
            TestFiles.Product(major: 3, minor: 0),
            TestFiles.Product(major: 2, minor: 5),
            TestFiles.Product(start: TestFiles.Day0.AddDays(1), major: 1),
        ];

        await Files.RegisterManyAsync(batch, Ct);
        await Files.RegisterManyAsync([TestFiles.Product(major: 2, minor: 9)], Ct); // older than v3: changes nothing

        var all = await Files.SearchAsync(new FileQuery { Versions = VersionSelection.All }, Ct);
        var latest = all.Items.Where(f => f.IsLatest).Select(f => f.Key).Order(StringComparer.Ordinal);
        Assert.Equal([batch[1].Key, batch[3].Key], latest);
        Assert.Equal(6, all.Items.Count);
    }

    [Fact]
    public async Task RegisterManyAsync_KnownKeyIsBatchsHighestVersion_StaysLatest()
    {
        var v2 = (await Files.RegisterAsync(TestFiles.Product(major: 2), Ct)).File;

        var result = await Files.RegisterManyAsync([TestFiles.Product(major: 1), TestFiles.Product(major: 2)], Ct);

        Assert.Equal((1, 1), (result.Registered, result.Duplicates));
        var all = await Files.SearchAsync(new FileQuery { Versions = VersionSelection.All }, Ct);
        Assert.Equal([v2.Id], all.Items.Where(f => f.IsLatest).Select(f => f.Id));
    }

    [Fact]
    public async Task RegisterAsync_ConcurrentVersionsOfOneProduct_LeavesHighestLatest()
    {
        var versions = Enumerable.Range(1, 8).Select(v => TestFiles.Product(major: v)).ToList();

        var results = await Task.WhenAll(versions.Select(v => Task.Run(() => Files.RegisterAsync(v, Ct))));

        Assert.All(results, r => Assert.Equal(RegistrationOutcome.Registered, r.Outcome));
        var all = await Files.SearchAsync(new FileQuery { Versions = VersionSelection.All }, Ct);
        Assert.Equal(8, all.Items.Count);
        Assert.Equal([8], all.Items.Where(f => f.IsLatest).Select(f => f.VersionMajor));
    }

    [Fact]
    public async Task RegisterManyAsync_ConcurrentOverlappingBatches_RegisterEachKeyOnceAndKeepHighestLatest()
    {
        // Two deliveries sharing 100 files; one brings version 2 of every tenth product, the other
        // version 3 of every twentieth, so both touch the latest flag of the same products at once.
        var files = Enumerable.Range(0, 300).Select(h => TestFiles.Product(start: TestFiles.Day0.AddHours(h))).ToList();
        var v2 = Enumerable.Range(0, 300).Where(h => h % 10 == 0).Select(h => TestFiles.Product(start: TestFiles.Day0.AddHours(h), major: 2)).ToList();
        var v3 = Enumerable.Range(0, 300).Where(h => h % 20 == 0).Select(h => TestFiles.Product(start: TestFiles.Day0.AddHours(h), major: 3)).ToList();
        List<FileRegistration> a = [.. files[..200], .. v2];
        List<FileRegistration> b = [.. v3, .. files[100..]];

        var results = await Task.WhenAll(
            Task.Run(() => Files.RegisterManyAsync(a, Ct)),
            Task.Run(() => Files.RegisterManyAsync(b, Ct)));

        Assert.Equal(files.Count + v2.Count + v3.Count, results.Sum(r => r.Registered));
        Assert.Equal(100, results.Sum(r => r.Duplicates));
        Assert.All(results, r => Assert.Empty(r.ConflictKeys));
        var latest = await Files.SearchAsync(new FileQuery { Limit = 1000 }, Ct);
        Assert.Equal(300, latest.Items.Count);
        Assert.Equal((15, 15), (latest.Items.Count(f => f.VersionMajor == 3), latest.Items.Count(f => f.VersionMajor == 2)));
    }

    [Fact]
    public async Task FindByKeyAsync_UnknownKey_ReturnsNull()
    {
        await Files.RegisterAsync(TestFiles.Product(), Ct);

        Assert.Null(await Files.FindByKeyAsync("exi/l1/nope.fits", Ct));
    }

    [Fact]
    public async Task FindByChecksumAsync_Md5OrSha256AnyCase_FindsFile()
    {
        var file = (await Files.RegisterAsync(TestFiles.Product(), Ct)).File;
        await Files.RegisterAsync(TestFiles.Product(start: TestFiles.Day0.AddHours(1)), Ct);

        var byMd5 = await Files.FindByChecksumAsync(file.Md5.ToUpperInvariant(), Ct);
        var bySha256 = await Files.FindByChecksumAsync(file.Sha256, Ct);

        Assert.Equal([file], byMd5);
        Assert.Equal([file], bySha256);
        Assert.Empty(await Files.FindByChecksumAsync(new string('e', 64), Ct));
    }

    [Fact]
    public async Task FindByChecksumAsync_NotAChecksum_Throws()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Files.FindByChecksumAsync("abc", Ct));

        Assert.Equal("checksum", error.ParamName);
    }

    public static TheoryData<string> Filters => ["instrument", "level", "descriptor", "orbit", "kind", "kinds"];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task SearchAsync_OneFilter_ReturnsOnlyMatches(string filter)
    {
        var h = 0;
        FileRegistration At(string instrument, string level, string descriptor, int orbit, FileKind kind = FileKind.Product) =>
            TestFiles.Product(instrument, level, TestFiles.Day0.AddHours(h++), descriptor: descriptor, orbit: orbit, kind: kind);
        List<FileRegistration> files =
        [
            At("exi", "l1", "f635", 10), At("exi", "l2", "f437", 11), At("emr", "l1", "spe", 10),
            At("emr", "l2", "ifg", 12), At("emu", "l1", "f635", 11), At("emu", "l0", "sci", 13, FileKind.Science),
        ];
        await Files.RegisterManyAsync(files, Ct);
        var (query, expected) = filter switch
        {
            "instrument" => (new FileQuery { Instrument = "EMR" }, files.Where(f => f.Instrument == "emr")),
            "level" => (new FileQuery { Level = "l1" }, files.Where(f => f.Level == "l1")),
            "descriptor" => (new FileQuery { Descriptor = "f635" }, files.Where(f => f.Descriptor == "f635")),
            "orbit" => (new FileQuery { Orbit = 11 }, files.Where(f => f.Orbit == 11)),
            "kind" => (new FileQuery { Kind = FileKind.Science }, files.Where(f => f.Kind == FileKind.Science)),
            "kinds" => (new FileQuery { Kinds = [FileKind.Science, FileKind.Quicklook] }, files.Where(f => f.Kind == FileKind.Science)),
            _ => throw new ArgumentOutOfRangeException(nameof(filter)),
        };

        var page = await Files.SearchAsync(query, Ct);

        Assert.Equal(expected.Select(f => f.Key), page.Items.Select(f => f.Key));
        Assert.InRange(page.Items.Count, 1, files.Count - 1);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task SearchAsync_CombinedFilters_ReturnsIntersection()
    {
        await Files.RegisterManyAsync(
        [
            TestFiles.Product("exi", "l2", TestFiles.Day0, descriptor: "f635"),
            TestFiles.Product("exi", "l2", TestFiles.Day0.AddDays(3), descriptor: "f635"),
            TestFiles.Product("exi", "l1", TestFiles.Day0, descriptor: "f635"),
            TestFiles.Product("emu", "l2", TestFiles.Day0, descriptor: "f635"),
        ], Ct);

        var page = await Files.SearchAsync(
            new FileQuery { Instrument = "exi", Level = "l2", From = TestFiles.Day0, To = TestFiles.Day0.AddDays(1) }, Ct);

        var only = Assert.Single(page.Items);
        Assert.Equal(("exi", "l2", TestFiles.Day0), (only.Instrument, only.Level, only.StartTime));
    }

    [Fact]
    public async Task SearchAsync_DefaultVersions_ReturnsLatestOnly()
    {
        await Files.RegisterManyAsync([TestFiles.Product(major: 1), TestFiles.Product(major: 2), TestFiles.Product(major: 1, minor: 3)], Ct);

        var latest = await Files.SearchAsync(new FileQuery(), Ct);
        var all = await Files.SearchAsync(new FileQuery { Versions = VersionSelection.All }, Ct);

        Assert.Equal(2, Assert.Single(latest.Items).VersionMajor);
        Assert.Equal([(1, 0), (2, 0), (1, 3)], all.Items.Select(f => (f.VersionMajor, f.VersionMinor)));
    }

    // A file from 10:00 to 12:00 against windows around it, in hours from midnight.
    [Theory]
    [InlineData(8, 10, false)]   // window ends where the file starts: touching, no overlap
    [InlineData(12, 14, false)]  // window starts where the file ends: touching, no overlap
    [InlineData(8, 11, true)]    // overlaps the start
    [InlineData(11, 14, true)]   // overlaps the end
    [InlineData(10, 12, true)]   // exactly the file
    [InlineData(10.5, 11, true)] // inside the file
    [InlineData(0, 24, true)]    // contains the file
    [InlineData(13, 24, false)]  // after
    public async Task SearchAsync_TimeWindow_OverlapIsHalfOpen(double fromHour, double toHour, bool expected)
    {
        var file = TestFiles.Product(start: TestFiles.Day0.AddHours(10), duration: TimeSpan.FromHours(2));
        await Files.RegisterManyAsync([file, TestFiles.Product(start: TestFiles.Day0.AddDays(5))], Ct);

        var page = await Files.SearchAsync(
            new FileQuery { From = TestFiles.Day0.AddHours(fromHour), To = TestFiles.Day0.AddHours(toHour) }, Ct);

        Assert.Equal(expected ? [file.Key] : [], page.Items.Select(f => f.Key));
    }

    // A long file (over a day, searched through its own index) from day 0 10:00 to day 3 10:00.
    [Theory]
    [InlineData(-24, 10, false)] // ends where the file starts
    [InlineData(82, 90, false)]  // starts where the file ends
    [InlineData(-24, 11, true)]
    [InlineData(30, 31, true)]   // well inside
    [InlineData(81, 90, true)]
    public async Task SearchAsync_TimeWindowOnLongFile_OverlapIsHalfOpen(int fromHour, int toHour, bool expected)
    {
        var file = TestFiles.Product(start: TestFiles.Day0.AddHours(10), duration: TimeSpan.FromDays(3));
        await Files.RegisterAsync(file, Ct);

        var page = await Files.SearchAsync(
            new FileQuery { From = TestFiles.Day0.AddHours(fromHour), To = TestFiles.Day0.AddHours(toHour) }, Ct);

        Assert.Equal(expected ? [file.Key] : [], page.Items.Select(f => f.Key));
    }

    // Files that started before the window, around the one-day line between short and long files.
    [Theory]
    [InlineData(0, 0, false)]    // a day long, ends exactly at From
    [InlineData(1, 1, true)]     // a day long, started a day before From plus 1 µs: ends 1 µs in
    [InlineData(0, 1, true)]     // a day and 1 µs long (a long file), ends 1 µs in
    [InlineData(-1, 2, true)]    // started a day and 1 µs before, ends 1 µs in
    public async Task SearchAsync_FileStartingADayBeforeWindow_FoundWhenItReachesIn(int startMicros, int extraMicros, bool expected)
    {
        var from = TestFiles.Day0.AddDays(10);
        var file = TestFiles.Product(
            start: from.AddDays(-1).AddTicks(startMicros * 10),
            duration: TimeSpan.FromDays(1).Add(TimeSpan.FromTicks(extraMicros * 10)));
        await Files.RegisterAsync(file, Ct);

        var page = await Files.SearchAsync(new FileQuery { From = from, To = from.AddHours(1) }, Ct);

        Assert.Equal(expected ? [file.Key] : [], page.Items.Select(f => f.Key));
    }

    [Theory]
    [InlineData(10, 11, true)]   // instant at From: inside [From, To)
    [InlineData(9, 10, false)]   // instant at To: outside
    [InlineData(9, 11, true)]
    public async Task SearchAsync_ZeroLengthFile_MatchesWhenInsideHalfOpenWindow(int fromHour, int toHour, bool expected)
    {
        var instant = TestFiles.Product(start: TestFiles.Day0.AddHours(10), duration: TimeSpan.Zero);
        await Files.RegisterAsync(instant, Ct);

        var page = await Files.SearchAsync(
            new FileQuery { From = TestFiles.Day0.AddHours(fromHour), To = TestFiles.Day0.AddHours(toHour) }, Ct);

        Assert.Equal(expected ? [instant.Key] : [], page.Items.Select(f => f.Key));
    }

    [Fact]
    public async Task SearchAsync_OneSidedWindow_BoundsOnlyThatSide()
    {
        var early = TestFiles.Product(start: TestFiles.Day0);
        var late = TestFiles.Product(start: TestFiles.Day0.AddDays(30));
        var kernel = TestFiles.Kernel(); // 2021-2025: long files are found by any window they overlap
        await Files.RegisterManyAsync([early, late, kernel], Ct);

        var since = await Files.SearchAsync(new FileQuery { From = TestFiles.Day0.AddDays(1) }, Ct);
        var until = await Files.SearchAsync(new FileQuery { To = TestFiles.Day0.AddDays(1) }, Ct);

        Assert.Equal([kernel.Key, late.Key], since.Items.Select(f => f.Key));
        Assert.Equal([kernel.Key, early.Key], until.Items.Select(f => f.Key));
    }

    [Fact]
    public async Task SearchAsync_EmptyWindow_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => Files.SearchAsync(new FileQuery { From = TestFiles.Day0, To = TestFiles.Day0 }, Ct));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SearchAsync_PagingThroughAll_ReturnsEveryMatchOnceInOrder(bool withWindow)
    {
        // Groups of three files share a start time, so pages must break ties by id.
        var files = Enumerable.Range(0, 47)
            .Select(i => TestFiles.Product(
                instrument: (i % 3) switch { 0 => "exi", 1 => "emr", _ => "emu" },
                start: TestFiles.Day0.AddHours(i / 3),
                duration: TimeSpan.FromMinutes(30 + i)))
            .ToList();
        await Files.RegisterManyAsync(files, Ct);
        var query = withWindow
            ? new FileQuery { From = TestFiles.Day0.AddMinutes(-1), To = TestFiles.Day0.AddDays(2), Limit = 5 }
            : new FileQuery { Limit = 5 };

        var seen = new List<CatalogFile>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await Files.SearchAsync(query with { Cursor = cursor }, Ct);
            Assert.InRange(page.Items.Count, 1, 5);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(10, pages);
        Assert.Equal(files.Select(f => f.Key).Order(StringComparer.Ordinal), seen.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.Equal(seen.OrderBy(f => f.StartTime).ThenBy(f => f.Id).Select(f => f.Id), seen.Select(f => f.Id));
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("")]
    [InlineData("djI6MTox")]           // "v2:1:1": unknown version
    [InlineData("djE6eDox")]           // "v1:x:1": not a number
    [InlineData("djE6MTo")]            // "v1:1:1" with its last character cut off
    public async Task SearchAsync_MalformedCursor_ThrowsNamingCursor(string cursor)
    {
        var error = await Assert.ThrowsAsync<InvalidCursorException>(
            () => Files.SearchAsync(new FileQuery { Cursor = cursor }, Ct));

        Assert.Equal("cursor", error.ParamName);
        Assert.StartsWith("Malformed cursor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_WellFormedCursor_IsAccepted()
    {
        var cursor = CursorFor(TestFiles.Day0.AddDays(-1), 0);
        await Files.RegisterAsync(TestFiles.Product(), Ct);

        var page = await Files.SearchAsync(new FileQuery { Cursor = cursor }, Ct);

        Assert.Single(page.Items);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task SearchAsync_LimitOutOfRange_Throws(int limit)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Files.SearchAsync(new FileQuery { Limit = limit }, Ct));
    }

    [Fact]
    public async Task Lineage_ProductWithInputs_ReadsBothWays()
    {
        var l0 = (await Files.RegisterAsync(TestFiles.Product(level: "l0", kind: FileKind.Science), Ct)).File;
        var kernel = (await Files.RegisterAsync(TestFiles.Kernel(), Ct)).File;
        var l1 = (await Files.RegisterAsync(TestFiles.Product(level: "l1"), Ct)).File;
        var l1b = (await Files.RegisterAsync(TestFiles.Product(level: "l1", descriptor: "f635"), Ct)).File;

        var added = await Catalog.Lineage.AddInputsAsync(l1.Id, [new(l0.Id, LineageRole.Input), new(kernel.Id, LineageRole.Kernel)], Ct);
        var again = await Catalog.Lineage.AddInputsAsync(l1.Id, [new(l0.Id, LineageRole.Input)], Ct);
        await Catalog.Lineage.AddInputsAsync(l1b.Id, [new(l0.Id, LineageRole.Input)], Ct);

        Assert.Equal((2, 0), (added, again));
        var inputs = await Catalog.Lineage.GetInputsAsync(l1.Id, Ct);
        Assert.Equal([(l0, LineageRole.Input), (kernel, LineageRole.Kernel)], inputs.Select(i => (i.File, i.Role)));
        var derived = await Catalog.Lineage.GetDerivedAsync(l0.Id, Ct);
        Assert.Equal([l1.Id, l1b.Id], derived.Select(d => d.File.Id));
        Assert.Equal([l1.Id], (await Catalog.Lineage.GetDerivedAsync(kernel.Id, Ct)).Select(d => d.File.Id));
        Assert.Empty(await Catalog.Lineage.GetInputsAsync(l0.Id, Ct));
    }

    [Fact]
    public async Task GetCoverageAsync_Days_CountsLatestFilesAndHighestLevel()
    {
        var day1 = TestFiles.Day0;
        var day2 = TestFiles.Day0.AddDays(1);
        await Files.RegisterManyAsync(
        [
            TestFiles.Product("exi", "l0", day1, kind: FileKind.Science),
            TestFiles.Product("exi", "l1", day1.AddHours(1)),
            TestFiles.Product("exi", "l2", day1.AddHours(2), major: 1),
            TestFiles.Product("exi", "l2", day1.AddHours(2), major: 2),                   // newer version: counted once
            TestFiles.Product("exi", "ql", day1.AddHours(3), kind: FileKind.Quicklook),    // not science or product
            TestFiles.Product("exi", "l0", day2.AddHours(23), kind: FileKind.Science),
            TestFiles.Product("emu", "l1", day2.AddHours(5)),
            TestFiles.Product("emu", "l1", day2.AddDays(1)),                               // outside the window
            TestFiles.Kernel(),
        ], Ct);

        var all = await Files.GetCoverageAsync(day1, day2.AddDays(1), null, Ct);
        var exi = await Files.GetCoverageAsync(day1, day2.AddDays(1), "EXI", Ct);

        var d1 = DateOnly.FromDateTime(day1.UtcDateTime);
        var d2 = d1.AddDays(1);
        Assert.Equal(
            [new CoverageDay("emu", d2, 1, "l1"), new CoverageDay("exi", d1, 3, "l2"), new CoverageDay("exi", d2, 1, "l0")],
            all);
        Assert.Equal(all.Where(c => c.Instrument == "exi"), exi);
    }

    [Fact]
    public async Task GetStatsAsync_AfterRegistrations_SumsPerInstrumentAndLevel()
    {
        var a = TestFiles.Product("exi", "l1");
        var b = TestFiles.Product("exi", "l1", major: 2);
        var c = TestFiles.Product("emr", "l2");
        var kernel = TestFiles.Kernel();
        await Files.RegisterManyAsync([a, b, c, kernel], Ct);

        var stats = await Catalog.GetStatsAsync(Ct);

        Assert.Equal(8, stats.SchemaVersion);
        Assert.Equal(Catalog.Engine, stats.Engine);
        Assert.Equal(
            [
                new VolumeStats("emr", "l2", 1, 1, c.SizeBytes),
                new VolumeStats("exi", "l1", 2, 1, a.SizeBytes + b.SizeBytes),
                new VolumeStats(null, null, 1, 1, kernel.SizeBytes),
            ],
            stats.Volumes);
        Assert.Equal(4, stats.TotalFiles);
    }

    [Fact]
    public async Task ExplainSearch_TimeWindowOnLargeCatalog_UsesTimeIndexWithoutFullScan()
    {
        // Enough rows over a year that a full scan would be the planner's obvious alternative.
        var instruments = new[] { "exi", "emr", "emu" };
        var levels = new[] { "l0", "l1", "l2" };
        var files = Enumerable.Range(0, 20_000)
            .Select(i => TestFiles.Product(
                instruments[i % 3],
                levels[i / 3 % 3],
                TestFiles.Day0.AddMinutes(i / 9 * 240),
                TimeSpan.FromMinutes(60 + (i % 7 * 30))))
            .Concat(Enumerable.Range(0, 30).Select(i => TestFiles.Kernel($"emm_ck_{i:000}_v01.bc") with
            {
                StartTime = TestFiles.Day0.AddDays(i * 12),
                EndTime = TestFiles.Day0.AddDays((i * 12) + 30),
            }))
            .ToList();
        await Files.RegisterManyAsync(files, Ct);
        await Catalog.OptimizeAsync(Ct);
        var repository = (Files.FileRepository)Files;
        var window = new FileQuery { From = TestFiles.Day0.AddDays(100), To = TestFiles.Day0.AddDays(101) };

        var plain = await repository.ExplainSearchAsync(window, Ct);
        var filtered = await repository.ExplainSearchAsync(window with { Instrument = "exi", Level = "l2" }, Ct);
        var paged = await repository.ExplainSearchAsync(window with { Cursor = CursorFor(window.From!.Value, 1234) }, Ct);

        AssertTimeIndexPlan(plain);
        AssertTimeIndexPlan(filtered);
        AssertTimeIndexPlan(paged);
        var results = await Files.SearchAsync(window with { Limit = 1000 }, Ct);
        Assert.Equal(
            files.Count(f => f.StartTime < window.To && f.EndTime > window.From),
            results.Items.Count);
    }

    /// <summary>A cursor built by hand the way the catalog documents it (URL-safe base64 of "v1:micros:id").</summary>
    private static string CursorFor(DateTimeOffset start, long id)
    {
        var micros = (start - DateTimeOffset.UnixEpoch).Ticks / 10;
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(FormattableString.Invariant($"v1:{micros}:{id}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
