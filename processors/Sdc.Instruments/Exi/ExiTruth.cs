namespace Sdc.Instruments;

/// <summary>
/// The EXI detector as the simulator builds it. A pixel's mean value in DN is
/// <code>
/// DN = BiasDn + DarkRate(x,y)·t + Flat(x,y)·S(x,y)·t / Gain
/// </code>
/// with t the exposure in seconds and S the incoming signal in electrons per second: the planet
/// (<see cref="ExiScene"/>) in science frames, the lamp in flat frames, nothing in dark frames.
/// Noise: Poisson on the electrons, plus <see cref="ReadNoiseDn"/> Gaussian read noise; values are
/// rounded and clipped to 0…4095. A level-2 processor inverts this with the dark, flat and gain
/// calibration files and should get S back.
/// </summary>
public static class ExiTruth
{
    /// <summary>Bias (offset) of every pixel, DN.</summary>
    public const double BiasDn = 100;

    /// <summary>Read noise, DN rms.</summary>
    public const double ReadNoiseDn = 2.0;

    /// <summary>Exposure of dark frames: long, so the dark current stands well above the read noise.</summary>
    public const uint DarkExposureMs = 10_000;

    /// <summary>One pixel in this many is hot (see <see cref="IsHotPixel"/>).</summary>
    public const int HotPixelOneIn = 1000;

    /// <summary>A hot pixel's dark current is this many times its filter's.</summary>
    public const double HotPixelDarkFactor = 25;

    /// <summary>The six filters' planted values. UV camera (f220–f320): gain 2.0 e⁻/DN; visible camera: 1.6 e⁻/DN.</summary>
    public static IReadOnlyList<ExiFilterTruth> Filters { get; } =
    [
        new(ExiFilter.F220, 2.0, 5.0, 0.18, 0.030, 41, 800, 5_000, 3_750),
        new(ExiFilter.F260, 2.0, 5.5, 0.16, 0.025, 47, 400, 10_000, 7_500),
        new(ExiFilter.F320, 2.0, 6.0, 0.14, 0.020, 53, 200, 20_000, 15_000),
        new(ExiFilter.F437, 1.6, 3.0, 0.12, 0.030, 59, 60, 53_000, 40_000),
        new(ExiFilter.F546, 1.6, 3.2, 0.10, 0.025, 61, 40, 80_000, 60_000),
        new(ExiFilter.F635, 1.6, 3.4, 0.08, 0.020, 67, 40, 80_000, 60_000),
    ];

    public static ExiFilterTruth For(ExiFilter filter) => Filters[(int)filter];

    /// <summary>Whether pixel (x, y) is hot: a fixed hash of its position, one pixel in <see cref="HotPixelOneIn"/>.</summary>
    public static bool IsHotPixel(int x, int y)
    {
        var h = ((uint)x * 0x9E3779B1u) ^ ((uint)y * 0x85EBCA77u);
        h ^= h >> 16;
        h *= 0x7FEB352Du;
        h ^= h >> 15;
        h *= 0x846CA68Bu;
        h ^= h >> 16;
        return h % HotPixelOneIn == 0;
    }

    /// <summary>Dark current of pixel (x, y) through <paramref name="filter"/>, DN/s.</summary>
    public static double DarkRate(ExiFilter filter, int x, int y) =>
        For(filter).DarkCurrentDnPerSecond * (IsHotPixel(x, y) ? HotPixelDarkFactor : 1);

    /// <summary>Relative sensitivity of pixel (x, y) of a width×height frame through <paramref name="filter"/>.</summary>
    public static double Flat(ExiFilter filter, int x, int y, int width, int height)
    {
        var truth = For(filter);
        double dx = x + 0.5 - (width / 2.0), dy = y + 0.5 - (height / 2.0);
        var r2 = ((dx * dx) + (dy * dy)) / (((width * width) + (height * height)) / 4.0);
        var ripple = Math.Sin(2 * Math.PI * x / truth.FlatRipplePeriodPixels) * Math.Sin(2 * Math.PI * y / truth.FlatRipplePeriodPixels);
        return (1 - (truth.FlatVignetting * r2)) * (1 + (truth.FlatRippleAmplitude * ripple));
    }

    /// <summary>Exposure of a frame of this type through this filter, ms.</summary>
    public static uint ExposureMs(ExiFilter filter, ExiFrameType frameType) =>
        frameType == ExiFrameType.Dark ? DarkExposureMs : For(filter).ExposureMs;

    /// <summary>Incoming signal at pixel (x, y), electrons per second, before the flat field.</summary>
    public static double Signal(ExiFilter filter, ExiFrameType frameType, int x, int y, int width, int height) => frameType switch
    {
        ExiFrameType.Science => ExiScene.ElectronsPerSecond(filter, x, y, width, height),
        ExiFrameType.Flat => For(filter).FlatLampElectronsPerSecond,
        _ => 0,
    };

    /// <summary>The noise-free mean value of pixel (x, y), DN (before rounding and clipping).</summary>
    public static double MeanDn(ExiFilter filter, ExiFrameType frameType, int x, int y, int width, int height)
    {
        var t = ExposureMs(filter, frameType) / 1000.0;
        var electrons = Flat(filter, x, y, width, height) * Signal(filter, frameType, x, y, width, height) * t;
        return BiasDn + (DarkRate(filter, x, y) * t) + (electrons / For(filter).GainElectronsPerDn);
    }
}
