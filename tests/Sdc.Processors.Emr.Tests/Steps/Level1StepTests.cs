using System.Security.Cryptography;
using Sdc.Formats.Fits;
using Sdc.Mission;
using Sdc.Processors.Emr.Level0;
using Sdc.Processors.Emr.Tests.Support;

namespace Sdc.Processors.Emr.Tests.Steps;

/// <summary>l0 → l1 through processors/emr/run, as the SDC runs it.</summary>
[Collection(ProcessorTests.Name)]
public class Level1StepTests(EmirsDeliveries deliveries)
{
    private const string ReadLevel1 = """
        import json, sys, warnings
        import numpy as np
        from astropy.io import fits
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a checksum astropy disagrees with is a warning: fail on it
            with fits.open(sys.argv[1], checksum=True) as f:
                p, t = f[0].header, f["INTERFEROGRAMS"]
                d = t.data
                samples = np.asarray(d["SAMPLES"])
                print(json.dumps({
                    "instrume": p["INSTRUME"], "level": p["LEVEL"], "orbit": p["ORBIT"], "quality": p["QUALITY"],
                    "dateBeg": p["DATE-BEG"], "nscans": p["NSCANS"], "scanlen": t.header["SCANLEN"],
                    "tnull": t.header["TNULL10"], "unit": t.columns["SAMPLES"].unit, "shape": list(samples.shape),
                    "scanid": d["SCANID"].tolist(), "zpd": d["ZPD"].tolist(), "cuctime": d["CUCTIME"].tolist(),
                    "utc": d["UTC"].tolist(), "quality_rows": d["QUALITY"].tolist(), "nvalid": d["NVALID"].tolist(),
                    "dettemp": d["DETTEMP"].tolist(), "nulls": (samples == t.header["TNULL10"]).sum(axis=1).tolist(),
                    "first": samples[0].tolist(), "last": samples[-1].tolist(),
                }))
        """;

    private static readonly Mission.Mission Mission = MissionLoader.LoadFile(Repository.PathOf("mission.yaml"));

    [Fact]
    public async Task Level1_CleanOrbit_ExitsZeroWithOneVerifiedProductThatOutputsJsonDescribes()
    {
        var level0 = EmirsDeliveries.Level0Of(deliveries.Clean);

        var run = await EmrRun.StartAsync(deliveries.Scratch, EmrRun.Job("l0", ["l1"], [level0]));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("start", run.Lines[0]["type"]!.GetValue<string>());
        Assert.Equal(0, run.Lines[^1]["exitCode"]!.GetValue<int>());
        Assert.Equal("OK", run.Outputs["status"].Text());
        var product = Assert.Single(run.Products);
        var name = product["name"].Text();
        Assert.Equal("emm_emr_l1_20210224T000000_0001_ifg_v01-00.fits", name);
        var parsed = Mission.ParseFileName(name);
        Assert.Equal(("emr", "l1", "ifg", 1), (parsed.Instrument, parsed.Level, parsed.Descriptor, parsed.Orbit));
        var bytes = await File.ReadAllBytesAsync(Path.Combine(run.OutputFolder, name));
        Assert.Equal(bytes.Length, product["size"]!.GetValue<long>());
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(bytes)), product["md5"].Text());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), product["sha256"].Text());
        Assert.Equal(0, product["quality"]!.GetValue<int>());
        Assert.Equal([Path.GetFileName(level0)], product["inputs"]!.AsArray().Select(i => i.Text()));
        Assert.Equal("2021-02-24T00:00:00+00:00", product["start"].Text());
        Assert.Equal([name, "outputs.json"], Directory.GetFiles(run.OutputFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        await ExternalTools.AssertFitsVerifiesAsync(Path.Combine(run.OutputFolder, name));
    }

    [Fact]
    public async Task Level1_CleanOrbit_AstropyReadsBackTheScansTheDecoderFinds()
    {
        using var stream = File.OpenRead(EmirsDeliveries.Level0Of(deliveries.Clean));
        var scans = EmirsLevel0Decoder.Decode(stream).Scans;

        var table = await ExternalTools.PythonAsync(ReadLevel1, deliveries.CleanLevel1);

        Assert.Equal(("EMR", "L1", 1L, 0L), (table["instrume"].Text(), table["level"].Text(), table["orbit"]!.GetValue<long>(), table["quality"]!.GetValue<long>()));
        Assert.Equal("2021-02-24T00:00:00.000000", table["dateBeg"].Text());
        Assert.Equal(scans.Count, table["nscans"]!.GetValue<int>());
        Assert.Equal([scans.Count, 2048], table["shape"]!.AsArray().Select(v => v!.GetValue<int>()));
        Assert.Equal(2048, table["scanlen"]!.GetValue<int>());
        Assert.Equal(int.MinValue, table["tnull"]!.GetValue<long>());
        Assert.Equal("count", table["unit"].Text());
        Assert.Equal(scans.Select(s => (long)s.ScanId), table["scanid"].Longs());
        Assert.Equal(scans.Select(s => (long)s.ZpdIndex), table["zpd"].Longs());
        Assert.Equal(scans.Select(s => s.Time.TotalSeconds), table["cuctime"].Doubles());
        Assert.Equal("2021-02-24T00:05:00.000000", table["utc"]![1].Text());
        Assert.All(table["quality_rows"].Longs(), q => Assert.Equal(0, q));
        Assert.All(table["nvalid"].Longs(), n => Assert.Equal(2048, n));
        Assert.All(table["nulls"].Longs(), n => Assert.Equal(0, n));
        Assert.All(table["dettemp"].Doubles(), t => Assert.InRange(t, 299.5, 300.8));
        Assert.Equal(scans[0].Samples.Select(v => (long)v), table["first"].Longs());
        Assert.Equal(scans[^1].Samples.Select(v => (long)v), table["last"].Longs());
    }

    [Fact]
    public async Task Level1_GapFault_ExitsThreeWithTheGapAtItsOffsetAndTheTwoScansFlagged()
    {
        var fault = deliveries.WithGap.Faults.Single();
        var level0 = EmirsDeliveries.Level0Of(deliveries.WithGap);

        var run = await EmrRun.StartAsync(deliveries.Scratch, EmrRun.Job("l0", ["l1"], [level0]));

        Assert.True(run.ExitCode == 3, run.ToString());
        var gap = Assert.Single(run.MessagesWithCode(EmrMessages.SequenceGap));
        Assert.Equal("warning", gap["severity"].Text());
        Assert.Equal(Path.GetFileName(level0), gap["file"].Text());
        Assert.Equal(fault.Offset, gap["offset"]!.GetValue<long>());
        Assert.Equal(2, run.MessagesWithCode(EmrMessages.IncompleteScan).Count());
        Assert.Equal("WARNING", run.Outputs["status"].Text());
        var product = Assert.Single(run.Products);
        Assert.Equal((int)(ScanQuality.Incomplete | ScanQuality.SequenceGap), product["quality"]!.GetValue<int>());
        Assert.Equal(2, product["qualityNotes"]!.AsArray().Count);
        await ExternalTools.AssertFitsVerifiesAsync(run.Product("l1"));

        var table = await ExternalTools.PythonAsync(ReadLevel1, run.Product("l1"));
        var rows = table["quality_rows"].Longs();
        var flagged = Enumerable.Range(0, rows.Length).Where(i => rows[i] != 0).ToList();
        Assert.Equal(2, flagged.Count);
        Assert.All(flagged, i => Assert.Equal((long)(ScanQuality.Incomplete | ScanQuality.SequenceGap), rows[i]));
        Assert.All(flagged, i => Assert.Equal(2048 - table["nvalid"].Longs()[i], table["nulls"].Longs()[i]));
        Assert.All(flagged, i => Assert.True(table["nulls"].Longs()[i] >= 512));
    }

    [Fact]
    public async Task Level1_TruncatedFile_WarnsOnceWithTheFileAndOffsetAndKeepsTheScansBeforeIt()
    {
        var fault = deliveries.Truncated.Faults.Single();
        var level0 = EmirsDeliveries.Level0Of(deliveries.Truncated);

        var run = await EmrRun.StartAsync(deliveries.Scratch, EmrRun.Job("l0", ["l1"], [level0]));

        Assert.True(run.ExitCode == 3, run.ToString());
        var report = Assert.Single(run.Messages, m => m["offset"] is not null);
        Assert.Equal(EmrMessages.Truncated, report["code"].Text());
        Assert.Equal(Path.GetFileName(level0), report["file"].Text());
        Assert.Equal(fault.Offset, report["offset"]!.GetValue<long>());
        var product = Assert.Single(run.Products);
        Assert.Equal((int)ScanQuality.Truncated, product["quality"]!.GetValue<int>());
        var table = FitsFile.Load(run.Product("l1"));
        Assert.Equal(EmirsDeliveries.ScansPerOrbit / 2, table.Get<BinaryTableHdu>("INTERFEROGRAMS").RowCount);
        Assert.Equal((long)ScanQuality.Truncated, table.Primary.Header.GetInt64("QUALITY"));
        await ExternalTools.AssertFitsVerifiesAsync(run.Product("l1"));
    }

    [Fact]
    public async Task Level1_LastPacketLengthRunsPastTheEnd_WarnsWithItsOffsetAndFlagsTheLastScan()
    {
        var fault = deliveries.BadLength.Faults.Single();

        var run = await EmrRun.StartAsync(deliveries.Scratch, EmrRun.Job("l0", ["l1"], [EmirsDeliveries.Level0Of(deliveries.BadLength)]));

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(fault.Offset, Assert.Single(run.MessagesWithCode(EmrMessages.Truncated))["offset"]!.GetValue<long>());
        var table = await ExternalTools.PythonAsync(ReadLevel1, run.Product("l1"));
        var rows = table["quality_rows"].Longs();
        Assert.Equal(EmirsDeliveries.ScansPerOrbit, rows.Length);
        Assert.Equal((long)(ScanQuality.Incomplete | ScanQuality.Truncated), rows[^1]);
        Assert.Equal(512, table["nulls"].Longs()[^1]);
        Assert.All(rows.SkipLast(1), q => Assert.Equal(0, q));
    }

    [Fact]
    public async Task Level1_FileCutInsideItsFirstPacket_ExitsTwoNamingTheFileAndByteZero()
    {
        var source = EmirsDeliveries.Level0Of(deliveries.Clean);
        var folder = Directory.CreateDirectory(Path.Combine(deliveries.Scratch, "cut-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var cut = Path.Combine(folder, Path.GetFileName(source));
        await File.WriteAllBytesAsync(cut, (await File.ReadAllBytesAsync(source))[..1000]);

        var run = await EmrRun.StartAsync(deliveries.Scratch, EmrRun.Job("l0", ["l1"], [cut]));

        Assert.True(run.ExitCode == 2, run.ToString());
        var error = Assert.Single(run.MessagesWithCode(EmrMessages.NoScans));
        Assert.Equal("error", error["severity"].Text());
        Assert.Equal(Path.GetFileName(cut), error["file"].Text());
        Assert.Equal(0, error["offset"]!.GetValue<long>());
        Assert.False(File.Exists(Path.Combine(run.OutputFolder, "outputs.json")));
    }

    [Fact]
    public async Task Level1_JobAskingForLevel2FromLevel0_ExitsTwoSayingWhatTheProcessorMakes()
    {
        var run = await EmrRun.StartAsync(deliveries.Scratch, EmrRun.Job("l0", ["l2"], [EmirsDeliveries.Level0Of(deliveries.Clean)]));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("makes l1 from l0", Assert.Single(run.MessagesWithCode(EmrMessages.UnsupportedStep))["text"].Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Level1_SameJobTwice_WritesByteIdenticalProducts()
    {
        var job = EmrRun.Job("l0", ["l1"], [EmirsDeliveries.Level0Of(deliveries.WithGap)]);

        var first = await EmrRun.StartAsync(deliveries.Scratch, job);
        var second = await EmrRun.StartAsync(deliveries.Scratch, job);

        Assert.Equal(await File.ReadAllBytesAsync(first.Product("l1")), await File.ReadAllBytesAsync(second.Product("l1")));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(first.OutputFolder, "outputs.json")), await File.ReadAllBytesAsync(Path.Combine(second.OutputFolder, "outputs.json")));
    }

    [Fact]
    public async Task Level1_NarrowDetectorTemperatureRangeInTheConfig_FlagsTheScansOutsideWithAWarning()
    {
        var config = Path.Combine(deliveries.Scratch, $"narrow-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(config, "quality:\n  detectorTemperature:\n    min: 300.0\n    max: 300.3\n");

        var run = await EmrRun.StartAsync(deliveries.Scratch, EmrRun.Job("l0", ["l1"], [EmirsDeliveries.Level0Of(deliveries.Clean)]), "--config", config);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Single(run.MessagesWithCode(EmrMessages.DetectorTemperature));
        var table = FitsFile.Load(run.Product("l1")).Get<BinaryTableHdu>("INTERFEROGRAMS");
        var temperatures = table["DETTEMP"].GetValues<float>();
        var quality = table["QUALITY"].GetValues<short>();
        Assert.Contains(quality, q => q == (short)ScanQuality.DetectorTemperature);
        Assert.All(Enumerable.Range(0, quality.Length), i =>
            Assert.Equal(temperatures[i] is < 300.0f or > 300.3f, quality[i] == (short)ScanQuality.DetectorTemperature));
    }

    [Fact]
    public async Task Level1_UnknownApodizationInTheConfig_ExitsTwoNamingTheSetting()
    {
        var config = Path.Combine(deliveries.Scratch, $"bad-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(config, "apodization:\n  function: blackman\n");

        var run = await EmrRun.StartAsync(deliveries.Scratch, EmrRun.Job("l0", ["l1"], [EmirsDeliveries.Level0Of(deliveries.Clean)]), "--config", config);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("apodization.function", Assert.Single(run.MessagesWithCode("SDK-E002"))["text"].Text(), StringComparison.Ordinal);
    }
}
