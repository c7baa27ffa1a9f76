using System.Security.Cryptography;
using Sdc.Formats.Fits;
using Sdc.Formats.Png;
using Sdc.Instruments;
using Sdc.Processors.Exi.Tests.Support;

namespace Sdc.Processors.Exi.Tests;

/// <summary>
/// The l1 → l2 + ql step over the clean orbit's L1 products, run as the SDC runs it, and compared with
/// the scene the simulator planted (Sdc.Instruments ExiScene / ExiTruth).
/// </summary>
[Collection(ProcessorRunsDefinition.Name)]
public sealed class Level2StepTests(ExiDeliveries deliveries)
{
    // Tolerances, on the disc where the planted signal is at least half the disc-centre value (about
    // 8 000 of the 128×128 pixels): the median relative error within ±0.5 % (measured: under 0.04 %),
    // and the median absolute relative error under 2 % (measured 1.2–1.4 %: the per-pixel noise, Poisson
    // on 1 500–4 000 electrons plus 2 DN read noise, is 1.6–2.6 %). Without the flat the median is
    // off by 1.2–3.2 %, which the first bound catches.
    private const double DiscMedianBias = 0.005;
    private const double DiscMedianAbsoluteError = 0.02;
    // On the sky (no signal) the dark-subtracted value, hot pixels included, relative to the disc centre.
    private const double SkyResidual = 0.005;

    [Fact]
    public void Run_CleanOrbit_WritesL2AndQuicklookPerScienceImageOnly()
    {
        var run = deliveries.Level2;

        Assert.True(run.ExitCode == 0, run.ToString());
        var products = run.Outputs!["products"]!.AsArray();
        Assert.Equal(6, products.Count(p => p!["level"]!.GetValue<string>() == "l2"));
        Assert.Equal(6, products.Count(p => p!["level"]!.GetValue<string>() == "ql"));
        Assert.All(products, p => Assert.Matches(@"^emm_exi_(l2_\d{8}T\d{6}_0001_f\d{3}_v01-00\.fits|ql_\d{8}T\d{6}_0001_f\d{3}_v01-00\.png)$", p!["name"]!.GetValue<string>()));
        Assert.Equal(12, run.WithCode("EXI-I003").Count());
        foreach (var product in products)
        {
            var bytes = File.ReadAllBytes(Path.Combine(run.OutputFolder, product!["name"]!.GetValue<string>()));
            Assert.Equal(bytes.Length, product["size"]!.GetValue<long>());
            Assert.Equal(Convert.ToHexStringLower(MD5.HashData(bytes)), product["md5"]!.GetValue<string>());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), product["sha256"]!.GetValue<string>());
            Assert.Equal(3, product["calibration"]!.AsArray().Count);
            Assert.Single(product["inputs"]!.AsArray());
        }
    }

    [Fact]
    public async Task Run_CleanOrbit_EveryFitsPassesFitsverify()
    {
        var fits = deliveries.Level2.Products.Where(p => p.EndsWith(".fits", StringComparison.Ordinal)).ToList();

        Assert.Equal(6, fits.Count);
        foreach (var product in fits)
        {
            await ExternalTools.AssertFitsverifyCleanAsync(product);
        }
    }

    [Fact]
    public async Task Run_CleanOrbit_AstropyReadsFloatSignalWithUnitsAndHeader()
    {
        var products = deliveries.Level2.Products.Where(p => p.EndsWith(".fits", StringComparison.Ordinal)).ToList();
        (int X, int Y)[] samples = [(64, 64), (40, 70), (2, 3)];

        var seen = await Inspector.InspectAsync(products.Select(p => (p, samples)));

        for (var i = 0; i < products.Count; i++)
        {
            var ours = FitsFile.Load(products[i]).Primary;
            var primary = seen[i]!["hdus"]![0]!;
            var header = primary["header"]!;
            Assert.Empty(seen[i]!["warnings"]!.AsArray());
            Assert.Equal("float32", primary["dtype"]!.GetValue<string>());
            Assert.Equal("electron/s", header["BUNIT"]!.GetValue<string>());
            Assert.Equal("L2", header["LEVEL"]!.GetValue<string>());
            Assert.Equal("SCIENCE", header["FRAMETYP"]!.GetValue<string>());
            Assert.Equal(ExiTruth.For(ExiFilters.FromDescriptor(header["FILTER"]!.GetValue<string>())).GainElectronsPerDn, header["GAIN"]!.GetValue<double>());
            Assert.Equal(ExiTruth.BiasDn, header["BIAS"]!.GetValue<double>());
            Assert.EndsWith("_dark_v01-00.fits", header["DARKFILE"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Matches(@"^emm_exi_l1_.*\.fits$", header["L1FILE"]!.GetValue<string>());
            Assert.Equal(0, primary["nan"]!.GetValue<int>());
            Assert.NotEmpty(primary["history"]!.AsArray());
            var pixels = ours.GetPixels<float>();
            for (var s = 0; s < samples.Length; s++)
            {
                Assert.Equal(pixels[(samples[s].Y * ExiDeliveries.ImageSize) + samples[s].X], primary["samples"]![s]!.GetValue<float>());
            }
            Assert.Equal("QUALITY", seen[i]!["hdus"]![1]!["name"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Run_CleanOrbit_RecoversThePlantedSceneWithinTolerance()
    {
        foreach (var product in deliveries.Level2.Products.Where(p => p.EndsWith(".fits", StringComparison.Ordinal)))
        {
            var primary = FitsFile.Load(product).Primary;
            var filter = ExiFilters.FromDescriptor(primary.Header.GetString("FILTER"));
            var signal = primary.GetPixels<float>();
            var centre = ExiTruth.For(filter).SceneElectronsPerSecond;
            var size = ExiDeliveries.ImageSize;
            var disc = new List<double>();
            var discUncorrected = new List<double>();
            var sky = new List<double>();
            for (var y = 0; y < size; y++)
            {
                for (var x = 0; x < size; x++)
                {
                    var truth = ExiScene.ElectronsPerSecond(filter, x, y, size, size);
                    var value = signal[(y * size) + x];
                    if (truth >= centre / 2)
                    {
                        disc.Add((value / truth) - 1);
                        discUncorrected.Add((value * ExiTruth.Flat(filter, x, y, size, size) / truth) - 1);
                    }
                    else if (truth == 0)
                    {
                        sky.Add(value / centre);
                    }
                }
            }

            Assert.InRange(Median(disc), -DiscMedianBias, DiscMedianBias);
            Assert.InRange(Median(disc.Select(Math.Abs)), 0, DiscMedianAbsoluteError);
            Assert.InRange(Median(sky), -SkyResidual, SkyResidual);
            // The same measure catches a missing flat: left in, the vignetting and ripple bias it.
            Assert.True(Math.Abs(Median(discUncorrected)) > DiscMedianBias, $"{filter}: the disc tolerance would not notice an uncorrected flat");
        }
    }

    [Fact]
    public void Run_CleanOrbit_RemovesHotPixelDarkCurrent()
    {
        // Long UV exposures give hot pixels 25 × 5–6 DN/s × 0.2–0.8 s = 25–100 DN of dark current.
        foreach (var product in deliveries.Level2.Products.Where(p => p.EndsWith(".fits", StringComparison.Ordinal)))
        {
            var fits = FitsFile.Load(product);
            var filter = ExiFilters.FromDescriptor(fits.Primary.Header.GetString("FILTER"));
            var signal = fits.Primary.GetPixels<float>();
            var quality = fits.Get<ImageHdu>("QUALITY").GetPixels<byte>();
            var size = ExiDeliveries.ImageSize;
            var hot = Enumerable.Range(0, size * size).Where(i => ExiTruth.IsHotPixel(i % size, i / size)).ToList();

            Assert.NotEmpty(hot);
            Assert.All(hot, i => Assert.True((quality[i] & 4) != 0, $"{filter} pixel {i}: a hot pixel not flagged HOT"));
            Assert.Equal(hot.Count, Enumerable.Range(0, size * size).Count(i => (quality[i] & 4) != 0));
            var truth = ExiTruth.For(filter);
            var skyHot = hot.Where(i => ExiScene.ElectronsPerSecond(filter, i % size, i / size, size, size) == 0).Select(i => (double)signal[i]).ToList();
            Assert.NotEmpty(skyHot);
            Assert.InRange(skyHot.Average() / truth.SceneElectronsPerSecond, -SkyResidual, SkyResidual);
            if (filter.IsUltraviolet())
            {
                // Left in, the hot dark current would stand far above the tolerance.
                var darkLeftIn = ExiTruth.DarkRate(filter, 0, 0) * ExiTruth.HotPixelDarkFactor * truth.GainElectronsPerDn;
                Assert.True(darkLeftIn / truth.SceneElectronsPerSecond > 4 * SkyResidual);
            }
        }
    }

    [Fact]
    public async Task Run_CleanOrbit_QuicklookIsThePercentileStretchOfTheL2Image()
    {
        var run = deliveries.Level2;
        var quicklooks = run.Products.Where(p => p.EndsWith(".png", StringComparison.Ordinal)).ToList();
        var level2 = run.Products.Where(p => p.EndsWith(".fits", StringComparison.Ordinal)).ToList();

        var seen = await Inspector.InspectAsync(quicklooks.Select(p => (p, Array.Empty<(int, int)>())));

        Assert.Equal(level2.Count, quicklooks.Count);
        for (var i = 0; i < quicklooks.Count; i++)
        {
            var png = seen[i]!;
            var fits = FitsFile.Load(level2[i]).Primary;
            var expected = PercentileStretch.ToImage<float>(fits.GetPixels<float>(), ExiDeliveries.ImageSize, ExiDeliveries.ImageSize, 0.5, 99.5);
            Assert.Equal("L", png["mode"]!.GetValue<string>());
            Assert.Equal([ExiDeliveries.ImageSize, ExiDeliveries.ImageSize], png["size"]!.AsArray().Select(n => n!.GetValue<int>()));
            Assert.Equal(Convert.ToHexStringLower(MD5.HashData((byte[])expected.Pixels)), png["md5"]!.GetValue<string>());
            Assert.Contains(fits.Header.GetString("FILTER"), png["text"]!["Title"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(Path.GetFileName(level2[i]), png["text"]!["Source"]!.GetValue<string>());
            Assert.Equal("2021-02-25T06:00:00Z", png["text"]!["Creation Time"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Run_SameJobTwice_ProductsAreByteIdentical()
    {
        var again = await ProcessorRun.StartAsync(ExiDeliveries.Level2Job(deliveries.Clean, deliveries.Level1.Products), deliveries.Scratch);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(deliveries.Level2.Products.Select(Path.GetFileName), again.Products.Select(Path.GetFileName));
        foreach (var (first, second) in deliveries.Level2.Products.Zip(again.Products).Append((
            Path.Combine(deliveries.Level2.OutputFolder, "outputs.json"), Path.Combine(again.OutputFolder, "outputs.json"))))
        {
            Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
        }
    }

    [Fact]
    public async Task Run_IncompleteL1Image_ExitsThreeWithNaNAndQualityFlag()
    {
        var level1 = await ProcessorRun.StartAsync(ExiDeliveries.Level1Job(deliveries.WithGap), deliveries.Scratch);
        Assert.True(level1.ExitCode == 3, level1.ToString());

        var run = await ProcessorRun.StartAsync(ExiDeliveries.Level2Job(deliveries.WithGap, level1.Products), deliveries.Scratch);

        Assert.True(run.ExitCode == 3, run.ToString());
        var flagged = run.Outputs!["products"]!.AsArray().Where(p => p!["quality"]!.GetValue<int>() == 1).ToList();
        Assert.Equal(run.WithCode("EXI-W002").Count() * 2, flagged.Count);
        foreach (var product in flagged.Where(p => p!["level"]!.GetValue<string>() == "l2"))
        {
            var path = Path.Combine(run.OutputFolder, product!["name"]!.GetValue<string>());
            await ExternalTools.AssertFitsverifyCleanAsync(path);
            var fits = FitsFile.Load(path);
            var quality = fits.Get<ImageHdu>("QUALITY").GetPixels<byte>();
            var signal = fits.Primary.GetPixels<float>();
            Assert.All(Enumerable.Range(0, signal.Length), i => Assert.Equal((quality[i] & 1) != 0, float.IsNaN(signal[i])));
            Assert.Equal(fits.Primary.Header.GetInt64("NMISSING"), signal.Count(float.IsNaN));
            Assert.True(fits.Primary.Header.GetInt64("NMISSING") > 0);
        }
    }

    [Fact]
    public async Task Run_NoGainCalibration_ExitsTwoWithCalibrationError()
    {
        var calibration = ExiDeliveries.Calibration(deliveries.Clean).Where(c => !c.Contains("_gain_", StringComparison.Ordinal));
        var job = ExiJob.Create("l1", ["l2", "ql"], deliveries.Level1.Products, calibration: calibration);

        var run = await ProcessorRun.StartAsync(job, deliveries.Scratch);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("gain", Assert.Single(run.WithCode("EXI-E004"))["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(run.Outputs);
    }

    [Fact]
    public async Task Run_OnlyQuicklookAsked_WritesNoL2()
    {
        var job = ExiJob.Create("l1", ["ql"], deliveries.Level1.Products.Take(18), calibration: ExiDeliveries.Calibration(deliveries.Clean));

        var run = await ProcessorRun.StartAsync(job, deliveries.Scratch);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.All(run.Outputs!["products"]!.AsArray(), p => Assert.Equal("ql", p!["level"]!.GetValue<string>()));
        Assert.Equal(6, run.Products.Count);
    }

    [Fact]
    public async Task Run_Level0Input_ExitsTwoNamingIt()
    {
        var job = ExiJob.Create("l1", ["l2"], [ExiDeliveries.Level0(deliveries.Clean)], calibration: ExiDeliveries.Calibration(deliveries.Clean));

        var run = await ProcessorRun.StartAsync(job, deliveries.Scratch);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(Path.GetFileName(ExiDeliveries.Level0(deliveries.Clean)), Assert.Single(run.WithCode("EXI-E003"))["file"]!.GetValue<string>());
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToList();
        Assert.NotEmpty(sorted);
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
