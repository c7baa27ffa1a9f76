using Sdc.Ccsds;
using Sdc.Instruments;

namespace Sdc.Simulator.Instruments;

/// <summary>
/// EMUS's packets for one orbit: frames spread evenly over the window; in each, photons drawn from
/// the truth's lines and background (<see cref="EmusTruth"/>), thinned by the flat field, with
/// uniform arrival times, sorted, 1000 events per packet.
/// </summary>
internal static class EmusSimulator
{
    public static void Write(SpacePacketWriter writer, OrbitWindow window, SimulationOptions options, DeterministicRandom random, CancellationToken cancellationToken)
    {
        var frames = options.Scaled(options.EmusFramesPerOrbit);
        var durationUs = (int)options.EmusFrameDuration.TotalMicroseconds;
        var photons = (int)Math.Round(EmusTruth.PhotonsPerSecond * options.EmusFrameDuration.TotalSeconds);
        var cumulative = Cumulative();
        var flat = FlatAcceptance();
        var events = new List<EmusPhotonEvent>(photons);
        var perPacket = EmusPhotonEventPacket.DefaultEventsPerPacket;
        var payload = new byte[EmusPhotonEventPacket.PayloadLength(perPacket)];
        for (var f = 0; f < frames; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            events.Clear();
            for (var p = 0; p < photons; p++)
            {
                var (x, y) = Draw(random, cumulative);
                if (random.NextDouble() < flat[(y * EmusTruth.DetectorSize) + x])
                {
                    events.Add(new EmusPhotonEvent(x, y, random.NextInt(durationUs)));
                }
            }
            events.Sort((a, b) => a.TimeOffsetMicroseconds.CompareTo(b.TimeOffsetMicroseconds));
            var frameId = (uint)((window.Orbit << 16) | f);
            var time = CucTime.FromDateTime(window.Slot(f, frames));
            var packets = Math.Max(1, (events.Count + perPacket - 1) / perPacket);
            for (var k = 0; k < packets; k++)
            {
                var first = k * perPacket;
                var count = Math.Min(perPacket, events.Count - first);
                var header = new EmusFrameHeader(frameId, (uint)durationUs, k, packets, count);
                var length = EmusPhotonEventPacket.Encode(header, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(events).Slice(first, count), payload);
                writer.Write(EmusPhotonEventPacket.Apid, time, payload.AsSpan(0, length));
            }
        }
    }

    // Cumulative shares: background first, then each line.
    private static double[] Cumulative()
    {
        var lines = EmusTruth.Lines;
        var total = lines.Sum(l => l.RelativeIntensity);
        var cumulative = new double[lines.Count + 1];
        cumulative[0] = EmusTruth.BackgroundFraction;
        for (var i = 0; i < lines.Count; i++)
        {
            cumulative[i + 1] = cumulative[i] + ((1 - EmusTruth.BackgroundFraction) * lines[i].RelativeIntensity / total);
        }
        return cumulative;
    }

    private static float[] FlatAcceptance()
    {
        var size = EmusTruth.DetectorSize;
        var flat = new float[size * size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                flat[(y * size) + x] = (float)(EmusTruth.Flat(x, y) / EmusTruth.FlatMaximum);
            }
        }
        return flat;
    }

    private static (int X, int Y) Draw(DeterministicRandom random, double[] cumulative)
    {
        var size = EmusTruth.DetectorSize;
        while (true)
        {
            var u = random.NextDouble();
            if (u < cumulative[0])
            {
                return (random.NextInt(size), random.NextInt(size));
            }
            var line = 1;
            while (line < cumulative.Length - 1 && u >= cumulative[line])
            {
                line++;
            }
            var sigmaNm = EmusTruth.LineFwhmNm / (2 * Math.Sqrt(2 * Math.Log(2)));
            var wavelength = EmusTruth.Lines[line - 1].WavelengthNm + (sigmaNm * random.NextGaussian());
            var x = (int)Math.Round(EmusTruth.ColumnOf(wavelength));
            var y = (int)Math.Round(EmusTruth.SpatialCentreRow + (EmusTruth.SpatialSigmaRows * random.NextGaussian()));
            if ((uint)x < size && (uint)y < size)
            {
                return (x, y);
            }
        }
    }
}
