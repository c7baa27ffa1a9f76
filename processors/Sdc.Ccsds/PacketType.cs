namespace Sdc.Ccsds;

/// <summary>The packet type bit of the primary header (CCSDS 133.0-B-2 §4.1.3.3.2).</summary>
public enum PacketType
{
    /// <summary>Telemetry (reporting): everything the spacecraft sends down.</summary>
    Telemetry = 0,

    /// <summary>Telecommand (request).</summary>
    Telecommand = 1,
}
