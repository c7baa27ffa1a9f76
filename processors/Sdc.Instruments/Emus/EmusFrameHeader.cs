namespace Sdc.Instruments;

/// <summary>
/// The fields of an EMUS photon-event packet before its events: the frame it belongs to, the
/// frame's length, and which of the frame's packets this is. The packet's time code is the frame start.
/// </summary>
public readonly record struct EmusFrameHeader(uint FrameId, uint FrameDurationMicroseconds, int PacketIndex, int PacketCount, int EventCount);
