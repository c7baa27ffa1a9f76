using System.Numerics;
using Sdc.Instruments;

namespace Sdc.Simulator.Tests.Instruments;

public class TruthTests
{
    [Fact]
    public void EmirsTruth_ForwardTransformOfInterferogram_GivesBackTheCountsSpectrum()
    {
        var interferogram = EmirsTruth.Interferogram(1002);
        var counts = EmirsTruth.CountsSpectrum();

        var x = interferogram.Select(v => new Complex(v, 0)).ToArray();
        Fourier.Forward(x);

        for (var k = 0; k < counts.Length; k++)
        {
            Assert.Equal(counts[k], x[k].Magnitude, 1e-6 * counts.Max());
        }
        Assert.Equal(interferogram.Max(), interferogram[1002]);
    }

    [Fact]
    public void EmirsTruth_Co2BandCentre_IsDeeperThanContinuumByItsDepth()
    {
        var co2 = EmirsTruth.Bands.Single(b => b.CentreWavenumber == 667);

        var ratio = EmirsTruth.Radiance(667) / EmirsTruth.Planck(667, EmirsTruth.SurfaceTemperatureK);

        Assert.Equal(1 - co2.Depth, ratio, 0.01);
        Assert.Equal(EmirsTruth.SurfaceTemperatureK, EmirsTruth.BrightnessTemperature(400, EmirsTruth.Planck(400, 220)), 1e-9);
    }

    [Fact]
    public void EmirsTruth_Responsivity_CoversTheScienceGrid()
    {
        Assert.True(EmirsTruth.Responsivity(EmirsTruth.MinWavenumber) > 0.5 * EmirsTruth.PeakResponsivity);
        Assert.True(EmirsTruth.Responsivity(EmirsTruth.MaxWavenumber) > 0.5 * EmirsTruth.PeakResponsivity);
        Assert.True(EmirsTruth.Responsivity(2500) < 1e-6 * EmirsTruth.PeakResponsivity);
    }

    [Fact]
    public void EmusTruth_WavelengthMap_Spans100To170Nm()
    {
        Assert.Equal(100 + (0.5 * 70.0 / 1024), EmusTruth.WavelengthAt(0), 1e-12);
        Assert.Equal(170 - (0.5 * 70.0 / 1024), EmusTruth.WavelengthAt(1023), 1e-12);
        Assert.Equal(313.0, EmusTruth.ColumnOf(EmusTruth.WavelengthAt(313)), 1e-9);
        Assert.All(EmusTruth.Lines, l => Assert.InRange(l.WavelengthNm, 100, 170));
        Assert.Equal(1.0, EmusTruth.Lines.Sum(l => l.RelativeIntensity), 1e-12);
    }

    [Fact]
    public void EmusTruth_Flat_NeverExceedsItsMaximum()
    {
        for (var y = 0; y < EmusTruth.DetectorSize; y += 3)
        {
            for (var x = 0; x < EmusTruth.DetectorSize; x += 5)
            {
                Assert.InRange(EmusTruth.Flat(x, y), 0.5, EmusTruth.FlatMaximum);
            }
        }
    }

    [Fact]
    public void ExiTruth_BrightestPixel_StaysBelow12Bits()
    {
        foreach (var filter in ExiFilters.All)
        {
            var peak = Enumerable.Range(0, 256 * 256).Max(i => ExiTruth.MeanDn(filter, ExiFrameType.Science, i % 256, i / 256, 256, 256));
            Assert.InRange(peak, 1500, 3500);
        }
    }

    [Fact]
    public void ExiFilters_Descriptors_AreTheMissionsFilterDescriptors()
    {
        var exi = RepositoryFiles.Mission.FindInstrument("exi")!;

        Assert.Equal(exi.Descriptors.Where(d => d != "sci"), ExiFilters.All.Select(f => f.Descriptor()));
        Assert.Equal(ExiFilter.F546, ExiFilters.FromDescriptor("f546"));
        Assert.Equal(546, ExiFilter.F546.CentreNm());
    }
}
