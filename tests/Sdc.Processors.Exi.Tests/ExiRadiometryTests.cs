using Sdc.Instruments;
using Sdc.Processors.Exi.Level2;

namespace Sdc.Processors.Exi.Tests;

public sealed class ExiRadiometryTests
{
    private const int Size = 64;

    [Theory]
    [InlineData(ExiFilter.F220)]
    [InlineData(ExiFilter.F437)]
    [InlineData(ExiFilter.F635)]
    public void Calibrate_NoiseFreeFrame_RecoversThePlantedSignalToTheDnStep(ExiFilter filter)
    {
        var truth = ExiTruth.For(filter);
        var t = truth.ExposureMs / 1000.0;
        var dn = new ushort[Size * Size];
        for (var i = 0; i < dn.Length; i++)
        {
            dn[i] = (ushort)Math.Round(ExiTruth.MeanDn(filter, ExiFrameType.Science, i % Size, i / Size, Size, Size));
        }

        var result = ExiRadiometry.Calibrate(dn, new byte[dn.Length], t, Calibration(filter), ExiSettings.Default);

        for (var i = 0; i < dn.Length; i++)
        {
            var (x, y) = (i % Size, i / Size);
            // Rounding to whole DN is the only error: half a DN, through the flat and gain, per second.
            var step = 0.5 * truth.GainElectronsPerDn / (ExiTruth.Flat(filter, x, y, Size, Size) * t);
            Assert.InRange(result.Signal[i], ExiScene.ElectronsPerSecond(filter, x, y, Size, Size) - step - 1e-3, ExiScene.ElectronsPerSecond(filter, x, y, Size, Size) + step + 1e-3);
        }
        Assert.Equal(0, result.Missing + result.Saturated + result.BadFlat);
    }

    [Fact]
    public void Calibrate_FlaggedAndExtremePixels_GetTheirFlagsAndNaNWhereUnknown()
    {
        var calibration = Calibration(ExiFilter.F220);
        calibration.Flat[3] = 0.05f;
        calibration.Dark[4] = (float)(calibration.MedianDark * 6);
        var dn = Enumerable.Repeat((ushort)1000, Size * Size).ToArray();
        dn[2] = 4095;
        var quality = new byte[dn.Length];
        quality[1] = (byte)ExiPixelQuality.Missing;

        var result = ExiRadiometry.Calibrate(dn, quality, 0.8, calibration, ExiSettings.Default);

        Assert.False(float.IsNaN(result.Signal[0]));
        Assert.Equal((byte)ExiPixelQuality.Missing, result.Quality[1]);
        Assert.True(float.IsNaN(result.Signal[1]));
        Assert.Equal((byte)ExiPixelQuality.Saturated, result.Quality[2]);
        Assert.False(float.IsNaN(result.Signal[2]));
        Assert.Equal((byte)ExiPixelQuality.BadFlat, result.Quality[3]);
        Assert.True(float.IsNaN(result.Signal[3]));
        Assert.Equal((byte)ExiPixelQuality.HotPixel, result.Quality[4] & (byte)ExiPixelQuality.HotPixel);
        Assert.Equal((1, 1, 1), (result.Missing, result.Saturated, result.BadFlat));
        Assert.Equal(0, quality[2]);
    }

    [Fact]
    public void Calibrate_KnownPixel_FollowsTheFormula()
    {
        var calibration = new ExiFilterCalibration(ExiFilter.F635, 1, 1, [2.5f], [0.8f], 1.6, 100, "d", "f", "g");

        var result = ExiRadiometry.Calibrate([1100], [0], 0.04, calibration, ExiSettings.Default);

        // (1100 − 100 − 2.5·0.04) / 0.8 × 1.6 / 0.04
        Assert.Equal((float)((1100 - 100 - (2.5 * 0.04)) / 0.8 * 1.6 / 0.04), result.Signal[0]);
    }

    private static ExiFilterCalibration Calibration(ExiFilter filter)
    {
        var dark = new float[Size * Size];
        var flat = new float[Size * Size];
        for (var i = 0; i < dark.Length; i++)
        {
            dark[i] = (float)ExiTruth.DarkRate(filter, i % Size, i / Size);
            flat[i] = (float)ExiTruth.Flat(filter, i % Size, i / Size, Size, Size);
        }
        return new ExiFilterCalibration(filter, Size, Size, dark, flat, ExiTruth.For(filter).GainElectronsPerDn, ExiTruth.BiasDn, "dark", "flat", "gain");
    }
}
