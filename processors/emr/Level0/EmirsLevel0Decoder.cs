using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using Sdc.Ccsds;
using Sdc.Instruments;

namespace Sdc.Processors.Emr.Level0;

/// <summary>
/// Level 0 EMIRS packets to whole scans. Reads the stream once (no copy of the file), decodes each
/// interferogram segment into its place in its scan, and reports, rather than throws, everything a
/// damaged file can show: sequence gaps, segments that are malformed, inconsistent with their scan
/// or repeated, scans missing segments, packets of other APIDs, and a framing error (a truncated
/// file, a packet length running past the end), at which reading stops and what came before is
/// kept. Nothing here decides what is fatal: <see cref="Steps.Level1Step"/> does.
/// </summary>
public static class EmirsLevel0Decoder
{
    /// <summary>Longest scan accepted: a corrupt length field must not allocate gigabytes.</summary>
    public const int MaxScanLength = 1 << 20;

    /// <summary>Decodes every EMIRS scan of a Level 0 stream (the decode-throughput entry point).</summary>
    public static EmirsLevel0 Decode(Stream level0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(level0);
        using var reader = new SpacePacketReader(level0, leaveOpen: true);
        var state = new DecodeState();
        CcsdsFormatException? framing = null;
        try
        {
            while (reader.TryRead(out var packet))
            {
                if ((state.Packets & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                state.Packets++;
                var gapBefore = NewGap(reader.Sequence, state);
                if (packet.Header.Apid != EmirsInterferogramSegment.Apid)
                {
                    state.ForeignPackets++;
                    state.FirstForeignOffset ??= packet.Offset;
                    continue;
                }

                state.Add(packet, gapBefore);
            }
        }
        catch (CcsdsFormatException e)
        {
            framing = e;
            if (state.Previous is { IsComplete: false } cut)
            {
                cut.Quality |= ScanQuality.Truncated;
            }
        }

        foreach (var scan in state.Scans)
        {
            if (!scan.IsComplete)
            {
                scan.Quality |= ScanQuality.Incomplete;
            }
        }

        return new EmirsLevel0(state.Scans, state.Gaps, state.Problems, state.Packets, state.ForeignPackets, state.FirstForeignOffset, framing);
    }

    // True when the packet just read follows a gap in the EMIRS APID's sequence counts.
    private static bool NewGap(SequenceTracker sequence, DecodeState state)
    {
        var gaps = sequence.Gaps;
        var found = false;
        for (; state.GapsSeen < gaps.Count; state.GapsSeen++)
        {
            if (gaps[state.GapsSeen].Apid == EmirsInterferogramSegment.Apid)
            {
                state.Gaps.Add(gaps[state.GapsSeen]);
                found = true;
            }
        }

        return found;
    }

    private sealed class DecodeState
    {
        private readonly Dictionary<uint, Assembly> _open = [];
        private int _scanLength = -1;

        public List<EmirsScan> Scans { get; } = [];

        public List<SequenceGap> Gaps { get; } = [];

        public List<DecodeProblem> Problems { get; } = [];

        public long Packets { get; set; }

        public long ForeignPackets { get; set; }

        public long? FirstForeignOffset { get; set; }

        public int GapsSeen { get; set; }

        /// <summary>The scan of the last EMIRS packet used.</summary>
        public EmirsScan? Previous { get; private set; }

        public void Add(in SpacePacket packet, bool gapBefore)
        {
            if (gapBefore && Previous is not null)
            {
                Previous.Quality |= ScanQuality.SequenceGap;
            }

            var payload = packet.UserData.Span;
            if (!packet.HasTime)
            {
                Reject(packet.Offset, payload, "EMIRS packet without the secondary header (time code); segment dropped", gapBefore);
                return;
            }

            EmirsSegmentHeader header;
            try
            {
                header = EmirsInterferogramSegment.DecodeHeader(payload);
            }
            catch (PayloadFormatException e)
            {
                Reject(packet.Offset, payload, e.Message + "; segment dropped", gapBefore);
                return;
            }

            if (_scanLength < 0)
            {
                if (header.ScanLength > MaxScanLength)
                {
                    Reject(packet.Offset, payload, $"scan {header.ScanId} claims {header.ScanLength} samples, more than the {MaxScanLength} accepted; segment dropped", gapBefore);
                    return;
                }

                _scanLength = header.ScanLength;
            }
            else if (header.ScanLength != _scanLength)
            {
                Reject(packet.Offset, payload, $"scan {header.ScanId} has {header.ScanLength} samples where the file's scans have {_scanLength}; segment dropped", gapBefore);
                return;
            }

            if (!_open.TryGetValue(header.ScanId, out var assembly))
            {
                var samples = new int[header.ScanLength];
                samples.AsSpan().Fill(EmirsScan.MissingSample);
                var scan = new EmirsScan(header.ScanId, packet.Time, header.ZpdIndex, header.DetectorTemperatureK, header.Scene, samples, packet.Offset)
                {
                    SegmentCount = header.SegmentCount,
                };
                assembly = new Assembly(scan, header);
                _open.Add(header.ScanId, assembly);
                Scans.Add(scan);
            }

            if (gapBefore)
            {
                assembly.Scan.Quality |= ScanQuality.SequenceGap;
            }

            var problem = assembly.Add(header, payload);
            if (problem is not null)
            {
                assembly.Scan.Quality |= ScanQuality.BadSegment;
                Problems.Add(new DecodeProblem(packet.Offset, problem));
            }

            Previous = assembly.Scan;
        }

        private void Reject(long offset, ReadOnlySpan<byte> payload, string problem, bool gapBefore)
        {
            Problems.Add(new DecodeProblem(offset, problem));
            // The scan id is the first field: when it is there, the scan it belongs to is known.
            if (payload.Length >= 4 && _open.TryGetValue(BinaryPrimitives.ReadUInt32BigEndian(payload), out var assembly))
            {
                assembly.Scan.Quality |= ScanQuality.BadSegment | (gapBefore ? ScanQuality.SequenceGap : ScanQuality.None);
                Previous = assembly.Scan;
            }
        }
    }

    /// <summary>One scan being joined: which segments came, checked against the first.</summary>
    private sealed class Assembly(EmirsScan scan, EmirsSegmentHeader first)
    {
        private readonly bool[] _received = new bool[first.SegmentCount];

        public EmirsScan Scan => scan;

        /// <summary>Decodes the segment into the scan; a reason when it cannot be used.</summary>
        public string? Add(in EmirsSegmentHeader header, ReadOnlySpan<byte> payload)
        {
            if (header.SegmentCount != first.SegmentCount || header.ZpdIndex != first.ZpdIndex || header.SampleFormat != first.SampleFormat || header.Scene != first.Scene)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"scan {header.ScanId} segment {header.SegmentIndex}: {header.SegmentCount} segments, ZPD {header.ZpdIndex}, {(int)header.SampleFormat}-byte samples, scene {header.Scene}; its first segment said {first.SegmentCount}, {first.ZpdIndex}, {(int)first.SampleFormat}, {first.Scene}; segment dropped");
            }

            if (_received[header.SegmentIndex])
            {
                return $"scan {header.ScanId} segment {header.SegmentIndex} arrived twice; the repeat was dropped";
            }

            _received[header.SegmentIndex] = true;
            DecodeSamples(header, payload[EmirsInterferogramSegment.HeaderLength..], scan.Samples.AsSpan(header.FirstSample, header.SampleCount));
            scan.SegmentsReceived++;
            scan.ValidSamples += header.SampleCount;
            return null;
        }

        // DecodeHeader checked that the payload holds every sample; big-endian to native in one
        // vectorised pass for 32-bit samples.
        private static void DecodeSamples(in EmirsSegmentHeader header, ReadOnlySpan<byte> body, Span<int> target)
        {
            if (header.SampleFormat == EmirsSampleFormat.FourBytes)
            {
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, int>(body[..(target.Length * 4)]), target);
                return;
            }

            for (var i = 0; i < target.Length; i++)
            {
                target[i] = BinaryPrimitives.ReadInt16BigEndian(body[(i * 2)..]);
            }
        }
    }
}
