using Sdc.Processors.Emr.Level0;
using Sdc.Processors.Emr.Spectral;

namespace Sdc.Processors.Emr.Products;

/// <summary>
/// Level 2 values of one Level 1 file: per-scan radiance and brightness temperature on a grid
/// (row-major, <see cref="Wavenumbers"/>.Length values per scan; NaN for a scan without a
/// spectrum), and the mean of the calibrated scans.
/// </summary>
public sealed record CalibratedSpectra(
    IReadOnlyList<EmirsScan> Scans,
    IReadOnlyList<ScanQuality> Quality,
    double[] Wavenumbers,
    double WavenumberStep,
    float[] Radiance,
    float[] BrightnessTemperature,
    double[] MeanRadiance,
    double[] MeanRadianceError,
    double[] MeanBrightnessTemperature,
    int Calibrated,
    ApodizationFunction Apodization,
    double Resolution);
