using Sdc.Ccsds;
using Sdc.Instruments;

namespace Sdc.Processors.Emr.Level0;

/// <summary>
/// One interferogram scan, joined from its segments: what its first segment said (scan id, time
/// of the scan start, ZPD, detector temperature, scene), its samples (a sample no segment brought
/// is <see cref="MissingSample"/>), how much of it arrived, where in the Level 0 file it started,
/// and its quality flags.
/// </summary>
public sealed class EmirsScan(uint scanId, CucTime time, int zpdIndex, double detectorTemperatureK, EmirsScene scene, int[] samples, long offset)
{
    /// <summary>The value of a sample that never arrived (also the TNULL of the Level 1 SAMPLES column).</summary>
    public const int MissingSample = int.MinValue;

    public uint ScanId { get; } = scanId;

    /// <summary>Start of the scan (the packets' time code).</summary>
    public CucTime Time { get; } = time;

    /// <summary>0-based sample index of zero path difference.</summary>
    public int ZpdIndex { get; } = zpdIndex;

    public double DetectorTemperatureK { get; } = detectorTemperatureK;

    public EmirsScene Scene { get; } = scene;

    /// <summary>The scan's samples, in counts.</summary>
    public int[] Samples { get; } = samples;

    /// <summary>Byte offset, in the Level 0 file, of the scan's first packet.</summary>
    public long Offset { get; } = offset;

    public int SegmentCount { get; init; }

    public int SegmentsReceived { get; set; }

    public int ValidSamples { get; set; }

    public ScanQuality Quality { get; set; }

    public bool IsComplete => ValidSamples == Samples.Length;
}
