namespace Sdc.Instruments;

/// <summary>
/// The fields of an EMIRS interferogram-segment packet before its samples. Samples
/// <see cref="FirstSample"/>…<see cref="FirstSample"/>+<see cref="SampleCount"/>−1 of a scan of
/// <see cref="ScanLength"/> samples whose zero path difference is at sample <see cref="ZpdIndex"/>.
/// The packet's time code is the start of the scan. The detector temperature travels in 0.01 K.
/// </summary>
public readonly record struct EmirsSegmentHeader(
    uint ScanId,
    int SegmentIndex,
    int SegmentCount,
    int ScanLength,
    int ZpdIndex,
    int FirstSample,
    int SampleCount,
    double DetectorTemperatureK,
    EmirsSampleFormat SampleFormat,
    EmirsScene Scene);
