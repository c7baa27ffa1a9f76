using System.Globalization;
using Sdc.Ccsds;
using Sdc.Formats.Fits;
using Sdc.Processors.Emu.Level0;

namespace Sdc.Processors.Emu.Level1;

/// <summary>
/// The EMUS Level 1 file, in one place (README.md documents it for other implementations): a
/// primary HDU without data holding provenance and summary keywords, a BINTABLE EVENTS (X, Y,
/// TIME, FRAME: one row per photon, in L0 stream order) and a BINTABLE FRAMES (one row per frame).
/// Frame ids are uint32, stored as FITS J columns with TZEROn = 2147483648.
/// </summary>
public static class EventListFile
{
    public const string EventsName = "EVENTS";
    public const string FramesName = "FRAMES";

    /// <summary>TZEROn of a uint32 column stored as J.</summary>
    public const long UInt32Zero = 2147483648;

    /// <summary>The L1 HDUs for <paramref name="data"/>; the caller stamps provenance on the primary header.</summary>
    public static FitsFile Create(EmusLevel0 data, int orbit)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (start, end) = TimeRange(data.Frames);
        var primary = new ImageHdu();
        var header = primary.Header;
        header.Add("TELESCOP", "EMM", "Emirates Mars Mission");
        header.Add("DETNAM", "EMUS", "Emirates Mars Ultraviolet Spectrometer");
        header.Add("TIMESYS", "UTC", "times are UTC");
        header.Add("DATE-BEG", Iso(start), "start of the first frame (UTC)");
        header.Add("DATE-END", Iso(end), "end of the last frame (UTC)");
        header.Add("ORBIT", orbit, "orbit number");
        header.Add("QUALITY", data.Quality, "quality bits: 1 gap, 2 incomplete frame, 4 late events");
        header.Add("NFRAMES", data.Frames.Count, "frames (rows of FRAMES)");
        header.Add("NEVENTS", data.Events.Count, "photon events (rows of EVENTS)");
        header.Add("NPACKETS", data.Packets, "EMUS packets read");
        header.Add("PKTMISS", data.MissingPackets, "packets missing in sequence gaps");
        header.Add("NGAPS", data.Gaps.Count, "sequence-count gaps");

        var events = data.Events;
        var eventTable = new BinaryTableHdu(
            new FitsColumn("X", events.X) { Unit = "pixel" },
            new FitsColumn("Y", events.Y) { Unit = "pixel" },
            new FitsColumn("TIME", events.Time) { Unit = "s" },
            new FitsColumn("FRAME", ToStored(events.Frame)))
        { Name = EventsName };
        eventTable.Header.Add("TZERO4", UInt32Zero, "FRAME is uint32");
        eventTable.Header.Add("TLMIN1", 0, "first detector column");
        eventTable.Header.Add("TLMAX1", 1023, "last detector column");
        eventTable.Header.Add("TLMIN2", 0, "first detector row");
        eventTable.Header.Add("TLMAX2", 1023, "last detector row");
        eventTable.Header.AddComment("X: detector column (spectral axis), Y: detector row (spatial axis).");
        eventTable.Header.AddComment("TIME: seconds after the start of frame FRAME (FRAMES.START).");

        var frames = data.Frames;
        var frameTable = new BinaryTableHdu(
            new FitsColumn("FRAME", ToStored(frames.Select(f => f.Id).ToArray())),
            new FitsColumn("START", frames.Select(f => f.Start.TotalSeconds).ToArray()) { Unit = "s" },
            new FitsColumn("START_UTC", frames.Select(f => Iso(f.Start.ToDateTime())).ToArray(), 26),
            new FitsColumn("DURATION", frames.Select(f => f.DurationSeconds).ToArray()) { Unit = "s" },
            new FitsColumn("NPACKETS", frames.Select(f => f.PacketsExpected).ToArray()),
            new FitsColumn("PACKETS", frames.Select(f => f.PacketsReceived).ToArray()),
            new FitsColumn("EVENTS", frames.Select(f => f.Events).ToArray()),
            new FitsColumn("LATE", frames.Select(f => f.EventsOutside).ToArray()),
            new FitsColumn("QUALITY", frames.Select(f => f.Quality).ToArray()),
            new FitsColumn("L0OFFSET", frames.Select(f => f.FirstOffset).ToArray()) { Unit = "byte" })
        { Name = FramesName };
        frameTable.Header.Add("TZERO1", UInt32Zero, "FRAME is uint32");
        frameTable.Header.AddComment("START: packet time code, s since 2000-01-01T00:00:00 UTC;");
        frameTable.Header.AddComment("leap seconds are not counted (every day has 86400 s).");
        return new FitsFile(primary, eventTable, frameTable);
    }

    /// <summary>Reads an L1 file back (what the L2 step needs, and tests).</summary>
    /// <exception cref="FormatException">An HDU, column or keyword is missing or malformed; the message says which.</exception>
    public static EmusLevel1 Read(FitsFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            var events = file.Get<BinaryTableHdu>(EventsName);
            var frames = file.Get<BinaryTableHdu>(FramesName);
            var eventFrames = FromStored(events, "FRAME", 4);
            var list = new PhotonEventList(events["X"].GetValues<short>(), events["Y"].GetValues<short>(), events["TIME"].GetValues<double>(), eventFrames);
            var ids = FromStored(frames, "FRAME", 1);
            var starts = frames["START"].GetValues<double>();
            var durations = frames["DURATION"].GetValues<double>();
            var expected = frames["NPACKETS"].GetValues<int>();
            var received = frames["PACKETS"].GetValues<int>();
            var counts = frames["EVENTS"].GetValues<int>();
            var late = frames["LATE"].GetValues<int>();
            var offsets = frames["L0OFFSET"].GetValues<long>();
            var frameList = Enumerable.Range(0, ids.Length).Select(i => new EmusFrame(ids[i], CucTime.FromSeconds(starts[i]),
                (uint)Math.Round(durations[i] * 1e6), expected[i], received[i], counts[i], late[i], offsets[i])).ToList();
            var quality = (int)file.Primary.Header.GetInt64("QUALITY");
            var orbit = (int)file.Primary.Header.GetInt64("ORBIT");
            return new EmusLevel1(list, frameList, quality, orbit);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidCastException or ArgumentException)
        {
            throw new FormatException(e.Message, e);
        }
    }

    /// <summary>The start of the first frame and the end of the last (UTC).</summary>
    public static (DateTime Start, DateTime End) TimeRange(IReadOnlyList<EmusFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count == 0)
        {
            throw new ArgumentException("No frames, so no time range.", nameof(frames));
        }
        var start = frames.Min(f => f.Start).ToDateTime();
        var end = frames.Max(f => f.Start.ToDateTime().AddTicks(f.DurationMicroseconds * 10L));
        return (start, end);
    }

    public static string Iso(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static int[] ToStored(uint[] values) => Array.ConvertAll(values, v => unchecked((int)(v ^ 0x8000_0000u)));

    private static uint[] FromStored(BinaryTableHdu table, string column, int index)
    {
        if (!table.Header.TryGetDouble($"TZERO{index}", out var zero) || zero != UInt32Zero || !string.Equals(table.Columns[index - 1].Name, column, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"{table.Name}: column {index} must be {column} with TZERO{index} = {UInt32Zero} (uint32)");
        }
        return Array.ConvertAll(table[column].GetValues<int>(), v => unchecked((uint)v ^ 0x8000_0000u));
    }
}
