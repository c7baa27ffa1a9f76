using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Sdc.Formats.Fits;
using Sdc.Instruments;
using Sdc.Processors.Exi.Tests.Support;
using Sdc.Simulator;

namespace Sdc.Processors.Exi.Tests;

/// <summary>The l0 → l1 step, run as the SDC runs it (processors/exi/run) over simulated orbits.</summary>
[Collection(ProcessorRunsDefinition.Name)]
public sealed class Level1StepTests(ExiDeliveries deliveries)
{
    // Per filter a dark, a flat-lamp and one science frame.
    private const int ImagesPerOrbit = 18;

    [Fact]
    public void Run_CleanOrbit_ExitsZeroWithOneProductPerImage()
    {
        var run = deliveries.Level1;

        Assert.True(run.ExitCode == 0, run.ToString());
        var products = run.Outputs!["products"]!.AsArray();
        Assert.Equal(ImagesPerOrbit, products.Count);
        Assert.All(products, p => Assert.Matches(@"^emm_exi_l1_20210224T\d{6}_0001_f(220|260|320|437|546|635)_v01-00\.fits$", p!["name"]!.GetValue<string>()));
        Assert.Equal(3, products.Count(p => p!["descriptor"]!.GetValue<string>() == "f635"));
        Assert.All(products, p => Assert.Equal(0, p!["quality"]!.GetValue<int>()));
        Assert.DoesNotContain(run.Messages, m => m["severity"]!.GetValue<string>() != "info");
    }

    [Fact]
    public void Run_CleanOrbit_OutputsJsonChecksumsMatchTheFiles()
    {
        var run = deliveries.Level1;

        foreach (var product in run.Outputs!["products"]!.AsArray())
        {
            var bytes = File.ReadAllBytes(Path.Combine(run.OutputFolder, product!["name"]!.GetValue<string>()));
            Assert.Equal(bytes.Length, product["size"]!.GetValue<long>());
            Assert.Equal(Convert.ToHexStringLower(MD5.HashData(bytes)), product["md5"]!.GetValue<string>());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), product["sha256"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Run_CleanOrbit_EveryFitsPassesFitsverify()
    {
        foreach (var product in deliveries.Level1.Products)
        {
            await ExternalTools.AssertFitsverifyCleanAsync(product);
        }
    }

    [Fact]
    public async Task Run_CleanOrbit_AstropyReadsTheDecodedDnAndHeader()
    {
        var run = deliveries.Level1;
        var expected = DecodeIndependently(ExiDeliveries.Level0(deliveries.Clean));
        var seen = await Inspector.InspectAsync(run.Products.Select(p => (p, new[] { (0, 0), (64, 64) })));

        Assert.Equal(ImagesPerOrbit, seen.Count);
        for (var i = 0; i < seen.Count; i++)
        {
            var fits = seen[i]!;
            Assert.Empty(fits["warnings"]!.AsArray());
            var primary = fits["hdus"]![0]!;
            var header = primary["header"]!;
            var image = expected[i];
            Assert.Equal("uint16", primary["dtype"]!.GetValue<string>());
            Assert.Equal([ExiDeliveries.ImageSize, ExiDeliveries.ImageSize], primary["shape"]!.AsArray().Select(n => n!.GetValue<int>()));
            Assert.Equal(image.Md5, primary["md5"]!.GetValue<string>());
            Assert.Equal(image.Pixels[(64 * ExiDeliveries.ImageSize) + 64], primary["samples"]![1]!.GetValue<int>());
            Assert.Equal(image.Filter.Descriptor(), header["FILTER"]!.GetValue<string>());
            Assert.Equal(image.FrameType.ToString().ToUpperInvariant(), header["FRAMETYP"]!.GetValue<string>());
            Assert.Equal(ExiTruth.ExposureMs(image.Filter, image.FrameType) / 1000.0, header["EXPTIME"]!.GetValue<double>(), 9);
            Assert.Equal(image.Start.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture), header["DATE-OBS"]!.GetValue<string>());
            Assert.Equal(image.Start.AddMilliseconds(ExiTruth.ExposureMs(image.Filter, image.FrameType)),
                DateTime.Parse(header["DATE-END"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal));
            Assert.Equal((long)image.ImageId, header["IMAGEID"]!.GetValue<long>());
            Assert.Equal(1, header["ORBIT"]!.GetValue<int>());
            Assert.Equal("DN", header["BUNIT"]!.GetValue<string>());
            Assert.Equal("L1", header["LEVEL"]!.GetValue<string>());
            Assert.Equal(0, header["QUALITY"]!.GetValue<int>());
            Assert.Equal(Path.GetFileName(ExiDeliveries.Level0(deliveries.Clean)), header["L0FILE"]!.GetValue<string>());
            // Housekeeping was given: the simulator runs EXI in science mode at 12 ± 3 °C.
            Assert.Equal("SCIENCE", header["EXIMODE"]!.GetValue<string>());
            Assert.InRange(header["EXITEMP"]!.GetValue<double>(), 8.5, 15.5);
            Assert.InRange(header["BUSVOLT"]!.GetValue<double>(), 27.5, 28.5);
            var quality = fits["hdus"]![1]!;
            Assert.Equal("QUALITY", quality["name"]!.GetValue<string>());
            Assert.Equal("uint8", quality["dtype"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Run_SameJobTwice_ProductsAreByteIdentical()
    {
        var again = await ProcessorRun.StartAsync(ExiDeliveries.Level1Job(deliveries.Clean), deliveries.Scratch);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(deliveries.Level1.Products.Select(Path.GetFileName), again.Products.Select(Path.GetFileName));
        foreach (var (first, second) in deliveries.Level1.Products.Zip(again.Products))
        {
            Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
        }
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(deliveries.Level1.OutputFolder, "outputs.json")),
            await File.ReadAllBytesAsync(Path.Combine(again.OutputFolder, "outputs.json")));
    }

    [Fact]
    public async Task Run_WithoutHousekeeping_WritesNoHousekeepingKeywords()
    {
        var job = ExiJob.Create("l0", ["l1"], [ExiDeliveries.Level0(deliveries.Clean)], ExiDeliveries.Kernels(deliveries.Clean));

        var run = await ProcessorRun.StartAsync(job, deliveries.Scratch);

        Assert.True(run.ExitCode == 0, run.ToString());
        var header = FitsFile.Load(run.Products[0]).Primary.Header;
        Assert.False(header.Contains("EXITEMP"));
        Assert.Equal("f220", header.GetString("FILTER"));
    }

    [Fact]
    public async Task Run_SequenceGap_ExitsThreeWithGapWarningAndQualityFlag()
    {
        var fault = Assert.Single(deliveries.WithGap.Faults);

        var run = await ProcessorRun.StartAsync(ExiDeliveries.Level1Job(deliveries.WithGap), deliveries.Scratch);

        Assert.True(run.ExitCode == 3, run.ToString());
        var gap = Assert.Single(run.WithCode("EXI-W001"));
        Assert.Equal("warning", gap["severity"]!.GetValue<string>());
        Assert.Equal(fault.Offset, gap["offset"]!.GetValue<long>());
        Assert.Equal(Path.GetFileName(ExiDeliveries.Level0(deliveries.WithGap)), gap["file"]!.GetValue<string>());
        Assert.Contains("3 packet(s) missing", gap["text"]!.GetValue<string>(), StringComparison.Ordinal);
        // 3 tiles gone (4 per 128×128 image) leave one or two images incomplete; every image still has a product.
        var incomplete = run.WithCode("EXI-W002").ToList();
        Assert.InRange(incomplete.Count, 1, 2);
        var products = run.Outputs!["products"]!.AsArray();
        Assert.Equal(6 * (2 + ExiDeliveries.GapScienceImagesPerFilter), products.Count);
        Assert.Equal("WARNING", run.Outputs!["status"]!.GetValue<string>());
        var flagged = products.Where(p => p!["quality"]!.GetValue<int>() == 1).ToList();
        Assert.Equal(incomplete.Count, flagged.Count);
        var missingPixels = 0;
        foreach (var product in flagged)
        {
            var path = Path.Combine(run.OutputFolder, product!["name"]!.GetValue<string>());
            await ExternalTools.AssertFitsverifyCleanAsync(path);
            var fits = FitsFile.Load(path);
            var quality = fits.Get<ImageHdu>("QUALITY").GetPixels<byte>();
            var missing = quality.Count(q => (q & 1) != 0);
            Assert.Equal(fits.Primary.Header.GetInt64("NMISSING"), missing);
            Assert.Equal(1, fits.Primary.Header.GetInt64("QUALITY"));
            Assert.All(fits.Primary.GetPixels<ushort>().Where((_, i) => (quality[i] & 1) != 0), dn => Assert.Equal(0, dn));
            Assert.Single(product["qualityNotes"]!.AsArray());
            missingPixels += missing;
        }
        Assert.Equal(3 * 64 * 64, missingPixels);
    }

    [Theory]
    [InlineData(FaultKind.Truncate)]
    [InlineData(FaultKind.BadLength)]
    public async Task Run_DamagedPacketStream_ExitsTwoNamingFileAndOffset(FaultKind kind)
    {
        var delivery = kind == FaultKind.Truncate ? deliveries.Truncated : deliveries.BadLength;
        var fault = Assert.Single(delivery.Faults);

        var run = await ProcessorRun.StartAsync(ExiDeliveries.Level1Job(delivery), deliveries.Scratch);

        Assert.True(run.ExitCode == 2, run.ToString());
        var error = Assert.Single(run.WithCode("EXI-E001"));
        Assert.Equal("error", error["severity"]!.GetValue<string>());
        Assert.Equal(fault.FileName, error["file"]!.GetValue<string>());
        Assert.Equal(fault.Offset, error["offset"]!.GetValue<long>());
        Assert.Contains($"byte offset {fault.Offset}", error["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(run.Outputs);
        Assert.Equal("ERROR", run.Lines[^1]["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_ProducesLevel2FromLevel0_ExitsTwoWithStepError()
    {
        var job = ExiJob.Create("l0", ["l2"], [ExiDeliveries.Level0(deliveries.Clean)]);

        var run = await ProcessorRun.StartAsync(job, deliveries.Scratch);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Single(run.WithCode("EXI-E005"));
    }

    [Fact]
    public async Task Run_CalibrationFileAsLevel0Input_ExitsTwoNamingIt()
    {
        var calibration = ExiDeliveries.Calibration(deliveries.Clean).First();
        var job = ExiJob.Create("l0", ["l1"], [ExiDeliveries.Level0(deliveries.Clean), calibration]);

        var run = await ProcessorRun.StartAsync(job, deliveries.Scratch);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(Path.GetFileName(calibration), Assert.Single(run.WithCode("EXI-E003"))["file"]!.GetValue<string>());
    }

    /// <summary>The L0 file's images decoded without the processor: tile by tile with Sdc.Instruments.</summary>
    private static List<IndependentImage> DecodeIndependently(string path)
    {
        var images = new List<IndependentImage>();
        var data = File.ReadAllBytes(path);
        foreach (var packet in Sdc.Ccsds.SpacePacketReader.Parse(data))
        {
            var tile = ExiImageTile.DecodeHeader(packet.UserData.Span);
            if (images.Count == 0 || images[^1].ImageId != tile.ImageId)
            {
                images.Add(new IndependentImage(tile.ImageId, tile.Filter, tile.FrameType, packet.Time.ToDateTime(), new ushort[tile.ImageWidth * tile.ImageHeight]));
            }
            ExiImageTile.DecodeInto(packet.UserData.Span, images[^1].Pixels);
        }
        return images;
    }

    private sealed record IndependentImage(uint ImageId, ExiFilter Filter, ExiFrameType FrameType, DateTime Start, ushort[] Pixels)
    {
        public string Md5 => Convert.ToHexStringLower(MD5.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Pixels.AsSpan())));
    }
}
