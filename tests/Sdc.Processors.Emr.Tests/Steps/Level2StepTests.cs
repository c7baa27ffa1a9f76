using System.Buffers.Binary;
using System.Security.Cryptography;
using Sdc.Instruments;
using Sdc.Mission;
using Sdc.Processors.Emr.Tests.Support;

namespace Sdc.Processors.Emr.Tests.Steps;

/// <summary>l1 → l2 and ql through processors/emr/run, with the simulator's rad and ils files.</summary>
[Collection(ProcessorTests.Name)]
public class Level2StepTests(EmirsDeliveries deliveries)
{
    private const string ReadLevel2 = """
        import json, sys, warnings
        import numpy as np
        from astropy.io import fits
        def plain(a):
            return [None if v != v else float(v) for v in np.asarray(a, dtype=np.float64).reshape(-1)]
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with fits.open(sys.argv[1], checksum=True) as f:
                p, s, m = f[0].header, f["SPECTRA"], f["MEAN"]
                radiance = np.asarray(s.data["RADIANCE"], dtype=np.float64)
                print(json.dumps({
                    "level": p["LEVEL"], "quality": p["QUALITY"], "ncalib": p["NCALIB"],
                    "apodiz": s.header["APODIZ"], "resolutn": s.header["RESOLUTN"], "wavemin": s.header["WAVEMIN"],
                    "wavestep": s.header["WAVESTEP"], "nmean": m.header["NMEAN"], "shape": list(radiance.shape),
                    "units": {c.name: c.unit for c in m.columns}, "spectraUnits": {c.name: c.unit for c in s.columns},
                    "wavenumber": plain(m.data["WAVENUMBER"]), "radiance": plain(m.data["RADIANCE"]),
                    "raderr": plain(m.data["RADERR"]), "brightt": plain(m.data["BRIGHTT"]),
                    "rowQuality": s.data["QUALITY"].tolist(), "rowNaN": np.isnan(radiance).all(axis=1).tolist(),
                    "rowBrightt": [plain(row) for row in s.data["BRIGHTT"]],
                }))
        """;

    private static readonly Mission.Mission Mission = MissionLoader.LoadFile(Repository.PathOf("mission.yaml"));

    [Fact]
    public async Task Level2_CleanLevel1_ExitsZeroWithAVerifiedFitsAndAPngThatOutputsJsonDescribes()
    {
        var run = await Level2Async(deliveries.CleanLevel1);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, run.Products.Count);
        foreach (var product in run.Products)
        {
            var name = product["name"].Text();
            var parsed = Mission.ParseFileName(name);
            Assert.Equal(("emr", "spe", 1), (parsed.Instrument, parsed.Descriptor, parsed.Orbit));
            Assert.Equal(product["level"].Text(), parsed.Level);
            var bytes = await File.ReadAllBytesAsync(Path.Combine(run.OutputFolder, name));
            Assert.Equal(bytes.Length, product["size"]!.GetValue<long>());
            Assert.Equal(Convert.ToHexStringLower(MD5.HashData(bytes)), product["md5"].Text());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), product["sha256"].Text());
            Assert.Equal([Path.GetFileName(deliveries.CleanLevel1)], product["inputs"]!.AsArray().Select(i => i.Text()));
            Assert.Equal(2, product["calibration"]!.AsArray().Count);
            Assert.Equal(0, product["quality"]!.GetValue<int>());
        }

        Assert.Equal("emm_emr_l2_20210224T000000_0001_spe_v01-00.fits", Path.GetFileName(run.Product("l2")));
        Assert.Equal("emm_emr_ql_20210224T000000_0001_spe_v01-00.png", Path.GetFileName(run.Product("ql")));
        await ExternalTools.AssertFitsVerifiesAsync(run.Product("l2"));
        var png = await File.ReadAllBytesAsync(run.Product("ql"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal((800, 400), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
    }

    [Fact]
    public async Task Level2_CleanLevel1_AstropyReadsTheGridUnitsAndCalibratedRadiance()
    {
        var run = await Level2Async(deliveries.CleanLevel1);

        var spectra = await ExternalTools.PythonAsync(ReadLevel2, run.Product("l2"));

        Assert.Equal(("L2", 0L, 2L), (spectra["level"].Text(), spectra["quality"]!.GetValue<long>(), spectra["ncalib"]!.GetValue<long>()));
        Assert.Equal("hann", spectra["apodiz"].Text());
        // The ils file's unapodised 1.207 bins widened by Hann's 2.0/1.207: two bins of 2.5 cm-1.
        Assert.Equal(5.0, spectra["resolutn"]!.GetValue<double>(), 0.01);
        Assert.Equal(("cm-1", "W m-2 sr-1 cm", "W m-2 sr-1 cm", "K"),
            (spectra["units"]!["WAVENUMBER"].Text(), spectra["units"]!["RADIANCE"].Text(), spectra["units"]!["RADERR"].Text(), spectra["units"]!["BRIGHTT"].Text()));
        Assert.Equal(("W m-2 sr-1 cm", "K"), (spectra["spectraUnits"]!["RADIANCE"].Text(), spectra["spectraUnits"]!["BRIGHTT"].Text()));
        var wavenumbers = spectra["wavenumber"].Doubles();
        Assert.Equal(581, wavenumbers.Length);
        Assert.Equal((200.0, 1650.0), (wavenumbers[0], wavenumbers[^1]));
        Assert.All(wavenumbers.Zip(wavenumbers.Skip(1)), p => Assert.Equal(EmirsTruth.WavenumberStep, p.Second - p.First, 1e-9));
        Assert.Equal((200.0, 2.5), (spectra["wavemin"]!.GetValue<double>(), spectra["wavestep"]!.GetValue<double>()));
        Assert.Equal(EmirsDeliveries.ScansPerOrbit, spectra["nmean"]!.GetValue<int>());
        Assert.Equal([EmirsDeliveries.ScansPerOrbit, 581], spectra["shape"]!.AsArray().Select(v => v!.GetValue<int>()));
        var radiance = spectra["radiance"].Doubles();
        var at450 = Array.IndexOf(wavenumbers, 450.0);
        Assert.Equal(1.0, radiance[at450] / EmirsTruth.Radiance(450), 0.005);
        Assert.All(spectra["raderr"].Doubles(), (e, j) => Assert.InRange(e, 0, 0.01 * radiance[j]));
    }

    [Fact]
    public async Task Level2_CleanLevel1_RecoversThePlantedBandsWithinOneGridStepAndADepthOfOneHundredth()
    {
        var run = await Level2Async(deliveries.CleanLevel1);

        var spectra = await ExternalTools.PythonAsync(ReadLevel2, run.Product("l2"));

        BandAnalysis.AssertBandsRecovered(spectra["wavenumber"].Doubles(), spectra["radiance"].Doubles());
    }

    [Fact]
    public async Task Level2_CleanLevel1_BrightnessTemperatureOutsideTheBandsIs220K()
    {
        var run = await Level2Async(deliveries.CleanLevel1);

        var spectra = await ExternalTools.PythonAsync(ReadLevel2, run.Product("l2"));

        var wavenumbers = spectra["wavenumber"].Doubles();
        BandAnalysis.AssertContinuum(wavenumbers, spectra["brightt"].Doubles(), toleranceK: 1);
        foreach (var row in spectra["rowBrightt"]!.AsArray())
        {
            BandAnalysis.AssertContinuum(wavenumbers, row.Doubles(), toleranceK: 2);
        }
    }

    [Fact]
    public async Task Level2_GapLevel1_ExitsThreeWithTheIncompleteScansNaNAndFlagged()
    {
        var run = await Level2Async(deliveries.GapLevel1);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("2 of 24 scans", Assert.Single(run.MessagesWithCode(EmrMessages.NotCalibrated))["text"].Text(), StringComparison.Ordinal);
        var expected = ScanQuality.Incomplete | ScanQuality.SequenceGap | ScanQuality.NotCalibrated;
        Assert.All(run.Products, p => Assert.Equal((int)expected, p["quality"]!.GetValue<int>()));
        await ExternalTools.AssertFitsVerifiesAsync(run.Product("l2"));
        var spectra = await ExternalTools.PythonAsync(ReadLevel2, run.Product("l2"));
        var rows = spectra["rowQuality"].Longs();
        var empty = spectra["rowNaN"]!.AsArray().Select(v => v!.GetValue<bool>()).ToArray();
        Assert.Equal(2, rows.Count(q => q == (long)expected));
        Assert.All(Enumerable.Range(0, rows.Length), i => Assert.Equal(rows[i] == (long)expected, empty[i]));
        Assert.Equal(EmirsDeliveries.ScansPerOrbit - 2, spectra["nmean"]!.GetValue<int>());
        BandAnalysis.AssertBandsRecovered(spectra["wavenumber"].Doubles(), spectra["radiance"].Doubles());
    }

    [Fact]
    public async Task Level2_NoRadCalibrationFile_ExitsTwoSayingWhichIsMissing()
    {
        var job = EmrRun.Job("l1", ["l2", "ql"], [deliveries.CleanLevel1], [EmirsDeliveries.CalibrationOf(deliveries.Clean, "ils")]);

        var run = await EmrRun.StartAsync(deliveries.Scratch, job);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("no 'rad' calibration file", Assert.Single(run.MessagesWithCode(EmrMessages.BadCalibration))["text"].Text(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(run.OutputFolder, "outputs.json")));
    }

    [Fact]
    public async Task Level2_Level0GivenAsInput_ExitsTwoSayingTheStepReadsLevel1()
    {
        var job = EmrRun.Job("l1", ["l2"], [EmirsDeliveries.Level0Of(deliveries.Clean)], Calibration(deliveries.Clean));

        var run = await EmrRun.StartAsync(deliveries.Scratch, job);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("reads emr l1 files", Assert.Single(run.MessagesWithCode(EmrMessages.UnsupportedStep))["text"].Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Level2_OnlyTheQuicklookAsked_WritesOnlyThePng()
    {
        var job = EmrRun.Job("l1", ["ql"], [deliveries.CleanLevel1], Calibration(deliveries.Clean));

        var run = await EmrRun.StartAsync(deliveries.Scratch, job);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("ql", Assert.Single(run.Products)["level"].Text());
    }

    [Fact]
    public async Task Level2_SameJobTwice_WritesByteIdenticalProducts()
    {
        var first = await Level2Async(deliveries.GapLevel1);
        var second = await Level2Async(deliveries.GapLevel1);

        foreach (var level in new[] { "l2", "ql" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(first.Product(level)), await File.ReadAllBytesAsync(second.Product(level)));
        }
    }

    private static string[] Calibration(Sdc.Simulator.SimulationResult delivery) =>
        [EmirsDeliveries.CalibrationOf(delivery, "rad"), EmirsDeliveries.CalibrationOf(delivery, "ils")];

    private Task<EmrRun> Level2Async(string level1) =>
        EmrRun.StartAsync(deliveries.Scratch, EmrRun.Job("l1", ["l2", "ql"], [level1], Calibration(deliveries.Clean)));
}
