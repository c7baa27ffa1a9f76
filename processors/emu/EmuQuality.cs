namespace Sdc.Processors.Emu;

/// <summary>
/// The quality bits EMUS products carry (outputs.json <c>quality</c>, FITS keyword QUALITY, and per
/// frame in the L1 FRAMES table). 0 is good data; an L2 product inherits its L1's bits.
/// </summary>
public static class EmuQuality
{
    /// <summary>The packet sequence count jumps: packets (hence events) are missing.</summary>
    public const int PacketsMissing = 1;

    /// <summary>At least one frame lacks some of its packets.</summary>
    public const int IncompleteFrame = 2;

    /// <summary>At least one event is time-tagged at or after the end of its frame.</summary>
    public const int EventsOutsideFrame = 4;

    /// <summary>Events fell on pixels the flat calls dead (below flat.minimum); they were dropped.</summary>
    public const int DeadPixelEvents = 8;

    /// <summary>One note per bit set, for outputs.json.</summary>
    public static IReadOnlyList<string> Notes(int quality)
    {
        var notes = new List<string>();
        if ((quality & PacketsMissing) != 0)
        {
            notes.Add("1: packets missing (sequence gap)");
        }
        if ((quality & IncompleteFrame) != 0)
        {
            notes.Add("2: incomplete frames");
        }
        if ((quality & EventsOutsideFrame) != 0)
        {
            notes.Add("4: events timed outside their frame");
        }
        if ((quality & DeadPixelEvents) != 0)
        {
            notes.Add("8: events on dead flat-field pixels dropped");
        }
        return notes;
    }
}
