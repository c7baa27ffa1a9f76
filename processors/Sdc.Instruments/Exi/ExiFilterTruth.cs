namespace Sdc.Instruments;

/// <summary>
/// What the simulator plants for one EXI filter, and what a calibration must recover.
/// Gain converts electrons to DN; dark current is in DN per second of exposure; the flat field is
/// <c>(1 − Vignetting·r²)·(1 + RippleAmplitude·sin(2πx/RipplePeriod)·sin(2πy/RipplePeriod))</c>
/// with r the distance from the image centre over the half-diagonal (see <see cref="ExiTruth.Flat"/>).
/// </summary>
public sealed record ExiFilterTruth(
    ExiFilter Filter,
    double GainElectronsPerDn,
    double DarkCurrentDnPerSecond,
    double FlatVignetting,
    double FlatRippleAmplitude,
    double FlatRipplePeriodPixels,
    uint ExposureMs,
    double SceneElectronsPerSecond,
    double FlatLampElectronsPerSecond);
