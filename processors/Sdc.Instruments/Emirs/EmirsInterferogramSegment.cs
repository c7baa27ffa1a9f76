using System.Buffers.Binary;

namespace Sdc.Instruments;

/// <summary>
/// EMIRS interferogram segments, APID 0x120: one scan is split into segments of consecutive
/// samples, one per packet. Layout (after the 6-byte time code, big-endian):
/// <code>
///  0  u32  scan id             12  u32  ZPD sample index         22  u16  detector temperature, 0.01 K
///  4  u16  segment index       16  u32  first sample index       24  u8   bytes per sample (2 or 4)
///  6  u16  segment count       20  u16  samples in this segment  25  u8   scene (0 Mars, 1 space, 2 blackbody)
///  8  u32  scan length                                           26  …    samples, int16 or int32
/// </code>
/// </summary>
public static class EmirsInterferogramSegment
{
    public const int Apid = 0x120;

    public const int HeaderLength = 26;

    /// <summary>Samples per segment the simulator uses (2 KiB of int32 per packet).</summary>
    public const int DefaultSegmentSamples = 512;

    public static int PayloadLength(int sampleCount, EmirsSampleFormat format) => HeaderLength + (sampleCount * (int)format);

    /// <summary>Encodes a segment; returns the bytes written. Int16 samples must fit in 16 bits.</summary>
    public static int Encode(in EmirsSegmentHeader header, ReadOnlySpan<int> samples, Span<byte> destination)
    {
        Validate(header);
        if (samples.Length != header.SampleCount)
        {
            throw new ArgumentException($"The header announces {header.SampleCount} samples, got {samples.Length}.", nameof(samples));
        }
        var length = PayloadLength(header.SampleCount, header.SampleFormat);
        if (destination.Length < length)
        {
            throw new ArgumentException($"The segment needs {length} bytes, got {destination.Length}.", nameof(destination));
        }
        BinaryPrimitives.WriteUInt32BigEndian(destination, header.ScanId);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], (ushort)header.SegmentIndex);
        BinaryPrimitives.WriteUInt16BigEndian(destination[6..], (ushort)header.SegmentCount);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], (uint)header.ScanLength);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], (uint)header.ZpdIndex);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], (uint)header.FirstSample);
        BinaryPrimitives.WriteUInt16BigEndian(destination[20..], (ushort)header.SampleCount);
        BinaryPrimitives.WriteUInt16BigEndian(destination[22..], (ushort)Math.Round(header.DetectorTemperatureK * 100));
        destination[24] = (byte)header.SampleFormat;
        destination[25] = (byte)header.Scene;
        var body = destination[HeaderLength..];
        if (header.SampleFormat == EmirsSampleFormat.FourBytes)
        {
            for (var i = 0; i < samples.Length; i++)
            {
                BinaryPrimitives.WriteInt32BigEndian(body[(i * 4)..], samples[i]);
            }
        }
        else
        {
            for (var i = 0; i < samples.Length; i++)
            {
                if (samples[i] is < short.MinValue or > short.MaxValue)
                {
                    throw new ArgumentOutOfRangeException(nameof(samples), samples[i], $"Sample {i} does not fit in 16 bits.");
                }
                BinaryPrimitives.WriteInt16BigEndian(body[(i * 2)..], (short)samples[i]);
            }
        }
        return length;
    }

    public static EmirsSegmentHeader DecodeHeader(ReadOnlySpan<byte> payload)
    {
        PayloadFormatException.RequireLength(payload, HeaderLength, "EMIRS segment header");
        var format = payload[24];
        var scene = payload[25];
        if (format is not ((byte)EmirsSampleFormat.TwoBytes or (byte)EmirsSampleFormat.FourBytes))
        {
            throw new PayloadFormatException($"EMIRS segment: {format} bytes per sample, expected 2 or 4.");
        }
        if (scene > (byte)EmirsScene.InternalBlackbody)
        {
            throw new PayloadFormatException($"EMIRS segment: scene code {scene} is not 0 (Mars), 1 (space) or 2 (blackbody).");
        }
        var header = new EmirsSegmentHeader(
            BinaryPrimitives.ReadUInt32BigEndian(payload),
            BinaryPrimitives.ReadUInt16BigEndian(payload[4..]),
            BinaryPrimitives.ReadUInt16BigEndian(payload[6..]),
            (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(payload[8..]), int.MaxValue),
            (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(payload[12..]), int.MaxValue),
            (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(payload[16..]), int.MaxValue),
            BinaryPrimitives.ReadUInt16BigEndian(payload[20..]),
            BinaryPrimitives.ReadUInt16BigEndian(payload[22..]) / 100.0,
            (EmirsSampleFormat)format,
            (EmirsScene)scene);
        if (header.SegmentIndex >= header.SegmentCount || (long)header.FirstSample + header.SampleCount > header.ScanLength || header.ZpdIndex >= header.ScanLength)
        {
            throw new PayloadFormatException($"EMIRS segment: segment {header.SegmentIndex} of {header.SegmentCount}, samples {header.FirstSample}+{header.SampleCount}, ZPD {header.ZpdIndex} do not fit a scan of {header.ScanLength}.");
        }
        PayloadFormatException.RequireLength(payload, PayloadLength(header.SampleCount, header.SampleFormat), $"EMIRS segment of {header.SampleCount} samples");
        return header;
    }

    /// <summary>Decodes a segment's samples into <paramref name="samples"/> (at least <see cref="EmirsSegmentHeader.SampleCount"/> long).</summary>
    public static EmirsSegmentHeader Decode(ReadOnlySpan<byte> payload, Span<int> samples)
    {
        var header = DecodeHeader(payload);
        if (samples.Length < header.SampleCount)
        {
            throw new ArgumentException($"The segment has {header.SampleCount} samples; the destination holds {samples.Length}.", nameof(samples));
        }
        var body = payload[HeaderLength..];
        if (header.SampleFormat == EmirsSampleFormat.FourBytes)
        {
            for (var i = 0; i < header.SampleCount; i++)
            {
                samples[i] = BinaryPrimitives.ReadInt32BigEndian(body[(i * 4)..]);
            }
        }
        else
        {
            for (var i = 0; i < header.SampleCount; i++)
            {
                samples[i] = BinaryPrimitives.ReadInt16BigEndian(body[(i * 2)..]);
            }
        }
        return header;
    }

    /// <summary>Decodes a segment into its place in a whole scan (<see cref="EmirsSegmentHeader.ScanLength"/> long).</summary>
    public static EmirsSegmentHeader DecodeInto(ReadOnlySpan<byte> payload, Span<int> scan)
    {
        var header = DecodeHeader(payload);
        if (scan.Length < header.ScanLength)
        {
            throw new ArgumentException($"The scan has {header.ScanLength} samples; the destination holds {scan.Length}.", nameof(scan));
        }
        Decode(payload, scan.Slice(header.FirstSample, header.SampleCount));
        return header;
    }

    private static void Validate(in EmirsSegmentHeader h)
    {
        if (h.SegmentCount is < 1 or > ushort.MaxValue || h.SegmentIndex < 0 || h.SegmentIndex >= h.SegmentCount
            || h.SampleCount is < 0 or > ushort.MaxValue || h.FirstSample < 0 || h.ScanLength < 1
            || (long)h.FirstSample + h.SampleCount > h.ScanLength || h.ZpdIndex < 0 || h.ZpdIndex >= h.ScanLength)
        {
            throw new ArgumentException($"Segment {h.SegmentIndex} of {h.SegmentCount}, samples {h.FirstSample}+{h.SampleCount}, ZPD {h.ZpdIndex} do not fit a scan of {h.ScanLength}.", nameof(h));
        }
        if (h.DetectorTemperatureK is < 0 or > 655.35)
        {
            throw new ArgumentOutOfRangeException(nameof(h), h.DetectorTemperatureK, "The detector temperature travels as 0…655.35 K.");
        }
        if (!Enum.IsDefined(h.SampleFormat) || !Enum.IsDefined(h.Scene))
        {
            throw new ArgumentException($"Unknown sample format {h.SampleFormat} or scene {h.Scene}.", nameof(h));
        }
        if (PayloadLength(h.SampleCount, h.SampleFormat) > 65530)
        {
            throw new ArgumentException($"{h.SampleCount} samples do not fit in one packet.", nameof(h));
        }
    }
}
