using System.Numerics;
using Sdc.Ccsds;
using Sdc.Formats.Fits;
using Sdc.Instruments;

namespace Sdc.Simulator.Tests;

/// <summary>What a processor should get back from the simulated Level 0 and calibration files.</summary>
public class TruthRecoveryTests(OneDayFixture day) : IClassFixture<OneDayFixture>
{
    [Fact]
    public void ExiDarkFrames_MedianRate_IsTheFiltersDarkCurrent()
    {
        foreach (var (header, pixels) in ExiFrames().Where(f => f.Header.FrameType == ExiFrameType.Dark))
        {
            var seconds = header.ExposureMs / 1000.0;
            var rates = pixels.Select(p => (p - ExiTruth.BiasDn) / seconds).Order().ToArray();
            Assert.Equal(ExiTruth.For(header.Filter).DarkCurrentDnPerSecond, rates[rates.Length / 2], 0.05);
        }
    }

    [Fact]
    public void ExiFlatFrames_NoiseAroundTheTruth_GivesTheGain()
    {
        foreach (var (header, pixels) in ExiFrames().Where(f => f.Header.FrameType == ExiFrameType.Flat))
        {
            int w = header.ImageWidth, h = header.ImageHeight;
            double signal = 0, variance = 0;
            for (var i = 0; i < pixels.Length; i++)
            {
                var mean = ExiTruth.MeanDn(header.Filter, ExiFrameType.Flat, i % w, i / w, w, h);
                signal += mean - ExiTruth.BiasDn;
                variance += (pixels[i] - mean) * (pixels[i] - mean);
            }
            signal /= pixels.Length;
            variance /= pixels.Length;
            var gain = signal / (variance - (ExiTruth.ReadNoiseDn * ExiTruth.ReadNoiseDn));
            Assert.Equal(ExiTruth.For(header.Filter).GainElectronsPerDn, gain, 0.05);
        }
    }

    [Fact]
    public void ExiScienceFrame_CorrectedWithTheCalibrationFiles_GivesBackTheScene()
    {
        var dark = FitsFile.Load(Calibration("exi", "dark"));
        var flat = FitsFile.Load(Calibration("exi", "flat"));
        var gainTable = FitsFile.Load(Calibration("exi", "gain")).Get<BinaryTableHdu>("GAIN");
        var (header, pixels) = ExiFrames().First(f => f.Header.FrameType == ExiFrameType.Science && f.Header.Filter == ExiFilter.F635);
        var name = header.Filter.Descriptor().ToUpperInvariant();
        var darkRate = dark.Get<ImageHdu>(name).GetPixels<float>();
        var flatField = flat.Get<ImageHdu>(name).GetPixels<float>();
        var row = Array.IndexOf(gainTable["FILTER"].GetValues<string>().Select(s => s.Trim()).ToArray(), "f635");
        var gain = gainTable["GAIN"].GetValues<double>()[row];
        var bias = gainTable["BIAS"].GetValues<double>()[row];

        var seconds = header.ExposureMs / 1000.0;
        int w = header.ImageWidth, c = (w / 2 * w) + (w / 2);
        double recovered = 0, truth = 0;
        foreach (var i in new[] { c, c + 1, c - 1, c + w, c - w, c + w + 1, c - w - 1, c + w - 1, c - w + 1 })
        {
            recovered += (pixels[i] - bias - (darkRate[i] * seconds)) * gain / (flatField[i] * seconds);
            truth += ExiScene.ElectronsPerSecond(header.Filter, i % w, i / w, w, w);
        }

        Assert.Equal(1.0, recovered / truth, 0.02);
    }

    [Fact]
    public void EmirsScan_TransformedAndDividedByResponsivity_ShowsTheContinuumAndTheCo2Band()
    {
        var file = day.Files(SimulatedFileKind.Science, "emr").First();
        var scan = new int[EmirsTruth.ScanLength];
        foreach (var packet in SpacePacketReader.Parse(File.ReadAllBytes(file.Path)))
        {
            var segment = EmirsInterferogramSegment.DecodeInto(packet.UserData.Span, scan);
            if (segment.SegmentIndex == segment.SegmentCount - 1)
            {
                break;
            }
        }
        var responsivity = FitsFile.Load(Calibration("emr", "rad")).Get<BinaryTableHdu>("RESPONSIVITY")["RESPONSIVITY"].GetValues<double>();

        var x = scan.Select(v => new Complex(v, 0)).ToArray();
        Fourier.Forward(x);
        double RadianceAt(double sigma) => x[(int)Math.Round(sigma / EmirsTruth.WavenumberStep)].Magnitude / responsivity[(int)Math.Round(sigma / EmirsTruth.WavenumberStep)];

        Assert.Equal(EmirsTruth.SurfaceTemperatureK, EmirsTruth.BrightnessTemperature(450, RadianceAt(450)), 0.2);
        var co2 = EmirsTruth.Bands.Single(b => b.CentreWavenumber == 667);
        Assert.Equal(co2.Depth, 1 - (RadianceAt(667) / EmirsTruth.Planck(667, EmirsTruth.SurfaceTemperatureK)), 0.01);
        var dust = EmirsTruth.Bands.Single(b => b.CentreWavenumber == 1075);
        Assert.Equal(dust.Depth, 1 - (RadianceAt(1075) / EmirsTruth.Planck(1075, EmirsTruth.SurfaceTemperatureK)), 0.01);
    }

    [Fact]
    public void EmusEvents_ColumnHistogram_PeaksAtLymanAlpha()
    {
        var file = day.Files(SimulatedFileKind.Science, "emu").First();
        var histogram = new int[EmusTruth.DetectorSize];
        var events = new EmusPhotonEvent[EmusPhotonEventPacket.DefaultEventsPerPacket];
        foreach (var packet in SpacePacketReader.Parse(File.ReadAllBytes(file.Path)))
        {
            var header = EmusPhotonEventPacket.Decode(packet.UserData.Span, events);
            foreach (var e in events.AsSpan(0, header.EventCount))
            {
                histogram[e.X]++;
            }
        }

        var peak = Array.IndexOf(histogram, histogram.Max());
        Assert.Equal(EmusTruth.ColumnOf(121.57), peak, 2.0);
        var oxygen = (int)Math.Round(EmusTruth.ColumnOf(130.4));
        Assert.True(histogram[oxygen] > 5 * histogram[(int)Math.Round(EmusTruth.ColumnOf(112))], "O I 130.4 stands above the background");
    }

    [Fact]
    public void EmusFlatCalibration_IsTheTruthsFlat()
    {
        var flat = FitsFile.Load(Calibration("emu", "flat")).Primary.GetPixels<float>();

        Assert.Equal((float)EmusTruth.Flat(100, 60), flat[(60 * EmusTruth.DetectorSize) + 100]);
        Assert.Equal((float)EmusTruth.Flat(777, 512), flat[(512 * EmusTruth.DetectorSize) + 777]);
    }

    private string Calibration(string instrument, string descriptor) =>
        day.Files(SimulatedFileKind.Calibration, instrument).Single(f => RepositoryFiles.Mission.ParseFileName(f.Name).Descriptor == descriptor).Path;

    private List<(ExiTileHeader Header, ushort[] Pixels)> ExiFrames()
    {
        var file = day.Files(SimulatedFileKind.Science, "exi").First();
        var frames = new Dictionary<uint, (ExiTileHeader, ushort[])>();
        foreach (var packet in SpacePacketReader.Parse(File.ReadAllBytes(file.Path)))
        {
            var header = ExiImageTile.DecodeHeader(packet.UserData.Span);
            if (!frames.TryGetValue(header.ImageId, out var frame))
            {
                frame = (header, new ushort[header.ImageWidth * header.ImageHeight]);
                frames[header.ImageId] = frame;
            }
            ExiImageTile.DecodeInto(packet.UserData.Span, frame.Item2);
        }
        return [.. frames.Values];
    }
}
