using Sdc.Ccsds;
using Sdc.Instruments;
using Sdc.Processors.Emr.Level0;
using Sdc.Processors.Emr.Tests.Support;
using Sdc.Simulator;

namespace Sdc.Processors.Emr.Tests.Level0;

[Collection(ProcessorTests.Name)]
public class EmirsLevel0DecoderTests(EmirsDeliveries deliveries)
{
    [Fact]
    public void Decode_CleanOrbit_EveryScanCompleteWithTheTruthsZpdAndInterferogram()
    {
        var level0 = Decode(deliveries.Clean);

        Assert.Null(level0.FramingError);
        Assert.Empty(level0.Gaps);
        Assert.Empty(level0.Problems);
        Assert.Equal(EmirsDeliveries.ScansPerOrbit, level0.Scans.Count);
        Assert.Equal(EmirsDeliveries.ScansPerOrbit * 4, level0.Packets);
        foreach (var scan in level0.Scans)
        {
            Assert.True(scan.IsComplete);
            Assert.Equal(ScanQuality.None, scan.Quality);
            Assert.Equal(EmirsTruth.NominalZpdIndex + (int)(scan.ScanId % 7) - 3, scan.ZpdIndex);
            var truth = EmirsTruth.Interferogram(scan.ZpdIndex);
            // Noise of 2000 counts rms: 6 sigma bounds every one of the ~50,000 samples.
            Assert.All(Enumerable.Range(0, truth.Length), n => Assert.True(Math.Abs(scan.Samples[n] - truth[n]) < 6 * EmirsTruth.NoiseCounts, $"scan {scan.ScanId} sample {n}"));
        }

        var starts = level0.Scans.Select(s => s.Time.ToDateTime()).ToList();
        Assert.Equal(new DateTime(2021, 2, 24, 0, 0, 0, DateTimeKind.Utc), starts[0]);
        Assert.Equal(starts.Order(), starts);
        Assert.Equal(5 * 60, (starts[1] - starts[0]).TotalSeconds, 1e-3);
    }

    [Fact]
    public void Decode_GapFault_ReportsTheGapAndFlagsTheScansEitherSide()
    {
        var fault = deliveries.WithGap.Faults.Single();

        var level0 = Decode(deliveries.WithGap);

        var gap = Assert.Single(level0.Gaps);
        Assert.Equal(fault.Offset, gap.Offset);
        Assert.Equal(3, gap.Missing);
        var flagged = level0.Scans.Where(s => s.Quality != ScanQuality.None).ToList();
        Assert.Equal(2, flagged.Count);
        Assert.All(flagged, s => Assert.Equal(ScanQuality.Incomplete | ScanQuality.SequenceGap, s.Quality));
        Assert.All(flagged, s => Assert.Contains(EmirsScan.MissingSample, s.Samples));
        Assert.Equal(flagged[0].ScanId + 1, flagged[1].ScanId);
        Assert.Null(level0.FramingError);
    }

    [Fact]
    public void Decode_TruncatedFault_KeepsTheScansBeforeTheCutAndReportsItsOffset()
    {
        var fault = deliveries.Truncated.Faults.Single();

        var level0 = Decode(deliveries.Truncated);

        Assert.NotNull(level0.FramingError);
        Assert.Equal(fault.Offset, level0.FramingError.Offset);
        Assert.NotEmpty(level0.Scans);
        Assert.All(level0.Scans, s => Assert.True(s.Offset < fault.Offset));
        // The simulator cuts the packet holding the file's middle byte: with four equal packets a
        // scan, that is the first segment of the middle scan, so every scan before it is whole.
        Assert.Equal(EmirsDeliveries.ScansPerOrbit / 2, level0.Scans.Count);
        Assert.All(level0.Scans, s => Assert.True(s.IsComplete));
    }

    [Fact]
    public void Decode_BadLengthFault_FlagsTheLastScanIncompleteAndTruncated()
    {
        var fault = deliveries.BadLength.Faults.Single();

        var level0 = Decode(deliveries.BadLength);

        Assert.Equal(fault.Offset, level0.FramingError?.Offset);
        Assert.Equal(EmirsDeliveries.ScansPerOrbit, level0.Scans.Count);
        Assert.Equal(ScanQuality.Incomplete | ScanQuality.Truncated, level0.Scans[^1].Quality);
        Assert.Equal(3 * 512, level0.Scans[^1].ValidSamples);
        Assert.All(level0.Scans.SkipLast(1), s => Assert.Equal(ScanQuality.None, s.Quality));
    }

    [Fact]
    public void Decode_BytesThatAreNotPackets_ReportsAFramingErrorAtByteZeroAndNoScan()
    {
        var level0 = EmirsLevel0Decoder.Decode(new MemoryStream(Enumerable.Repeat((byte)0xFF, 5000).ToArray()));

        Assert.Empty(level0.Scans);
        Assert.Equal(0, level0.FramingError?.Offset);
    }

    [Fact]
    public void Decode_RepeatedSegmentAndAForeignPacket_ReportedAndTheScanStillComplete()
    {
        using var stream = new MemoryStream();
        long repeatOffset = -1;
        using (var writer = new SpacePacketWriter(stream, leaveOpen: true))
        {
            var time = CucTime.FromDateTime(new DateTime(2021, 2, 24, 1, 0, 0, DateTimeKind.Utc));
            var samples = Enumerable.Range(0, 2048).ToArray();
            var payload = new byte[EmirsInterferogramSegment.PayloadLength(512, EmirsSampleFormat.FourBytes)];
            for (var segment = 0; segment < 4; segment++)
            {
                var header = new EmirsSegmentHeader(42, segment, 4, 2048, 1000, segment * 512, 512, 300.15, EmirsSampleFormat.FourBytes, EmirsScene.Mars);
                var length = EmirsInterferogramSegment.Encode(header, samples.AsSpan(segment * 512, 512), payload);
                writer.Write(EmirsInterferogramSegment.Apid, time, payload.AsSpan(0, length));
                if (segment == 1)
                {
                    writer.Write(HousekeepingPacket.Apid, time, new byte[HousekeepingPacket.PayloadLength]);
                    repeatOffset = writer.Position;
                    // The repeat carries the same sequence count again (one step back, modulo 2^14).
                    writer.SkipSequenceCount(EmirsInterferogramSegment.Apid, SpacePacketHeader.SequenceCountModulus - 1);
                    writer.Write(EmirsInterferogramSegment.Apid, time, payload.AsSpan(0, length));
                }
            }
        }

        stream.Position = 0;
        var level0 = EmirsLevel0Decoder.Decode(stream);

        var scan = Assert.Single(level0.Scans);
        Assert.True(scan.IsComplete);
        Assert.Equal(Enumerable.Range(0, 2048), scan.Samples);
        Assert.Equal(ScanQuality.BadSegment | ScanQuality.SequenceGap, scan.Quality);
        var problem = Assert.Single(level0.Problems);
        Assert.Contains("arrived twice", problem.Problem, StringComparison.Ordinal);
        Assert.Equal(repeatOffset, problem.Offset);
        Assert.Equal(1, level0.ForeignPackets);
    }

    private static EmirsLevel0 Decode(SimulationResult delivery)
    {
        using var stream = File.OpenRead(EmirsDeliveries.Level0Of(delivery));
        return EmirsLevel0Decoder.Decode(stream);
    }
}
