using Sdc.Ccsds;

namespace Sdc.Processors.Emu.Level0;

/// <summary>
/// One EMUS frame as decoded: its id, start (the packets' CUC time code), length, how many packets
/// it announced and how many arrived, its events, and those time-tagged past its end.
/// <see cref="FirstOffset"/> is the byte offset of its first packet in the L0 file.
/// </summary>
public sealed record EmusFrame(
    uint Id,
    CucTime Start,
    uint DurationMicroseconds,
    int PacketsExpected,
    int PacketsReceived,
    int Events,
    int EventsOutside,
    long FirstOffset)
{
    public double DurationSeconds => DurationMicroseconds / 1e6;

    public bool IsComplete => PacketsReceived == PacketsExpected;

    /// <summary><see cref="EmuQuality"/> bits of this frame alone.</summary>
    public int Quality => (IsComplete ? 0 : EmuQuality.IncompleteFrame) | (EventsOutside > 0 ? EmuQuality.EventsOutsideFrame : 0);
}
