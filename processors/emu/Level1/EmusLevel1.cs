using Sdc.Processors.Emu.Level0;

namespace Sdc.Processors.Emu.Level1;

/// <summary>An EMUS Level 1 event list as read back: events, frames, the file's quality bits and orbit.</summary>
public sealed record EmusLevel1(PhotonEventList Events, IReadOnlyList<EmusFrame> Frames, int Quality, int Orbit);
