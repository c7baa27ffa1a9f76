using Sdc.Ccsds;
using Sdc.Instruments;

namespace Sdc.Simulator.Instruments;

/// <summary>
/// EMIRS's packets for one orbit: scans spread evenly over the window, each the truth's
/// interferogram (<see cref="EmirsTruth.Interferogram"/>) with its ZPD moved by scan id mod 7 − 3,
/// plus Gaussian noise, as int32 samples in segments of 512.
/// </summary>
internal static class EmirsSimulator
{
    public static void Write(SpacePacketWriter writer, OrbitWindow window, SimulationOptions options, DeterministicRandom random, CancellationToken cancellationToken)
    {
        var scans = options.Scaled(options.EmirsScansPerOrbit);
        var clean = new Dictionary<int, double[]>();
        var samples = new int[EmirsTruth.ScanLength];
        var perSegment = EmirsInterferogramSegment.DefaultSegmentSamples;
        var segments = (EmirsTruth.ScanLength + perSegment - 1) / perSegment;
        var payload = new byte[EmirsInterferogramSegment.PayloadLength(perSegment, EmirsSampleFormat.FourBytes)];
        for (var s = 0; s < scans; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var scanId = (uint)((window.Orbit << 16) | s);
            var zpd = ZpdOf(scanId);
            if (!clean.TryGetValue(zpd, out var interferogram))
            {
                interferogram = EmirsTruth.Interferogram(zpd);
                clean[zpd] = interferogram;
            }
            for (var n = 0; n < samples.Length; n++)
            {
                samples[n] = (int)Math.Round(interferogram[n] + (EmirsTruth.NoiseCounts * random.NextGaussian()));
            }
            var start = window.Slot(s, scans);
            var phase = (start - window.Start).TotalSeconds / window.Duration.TotalSeconds;
            var temperature = Math.Round(EmirsTruth.DetectorTemperatureK + (0.5 * Math.Sin(2 * Math.PI * phase)), 2);
            var time = CucTime.FromDateTime(start);
            for (var g = 0; g < segments; g++)
            {
                var first = g * perSegment;
                var count = Math.Min(perSegment, samples.Length - first);
                var header = new EmirsSegmentHeader(scanId, g, segments, samples.Length, zpd, first, count, temperature, EmirsSampleFormat.FourBytes, EmirsScene.Mars);
                var length = EmirsInterferogramSegment.Encode(header, samples.AsSpan(first, count), payload);
                writer.Write(EmirsInterferogramSegment.Apid, time, payload.AsSpan(0, length));
            }
        }
    }

    /// <summary>The ZPD sample of a scan: nominal, moved by −3…+3 samples.</summary>
    public static int ZpdOf(uint scanId) => EmirsTruth.NominalZpdIndex + (int)(scanId % 7) - 3;
}
