using Sdc.Processing;

namespace Sdc.Processors.Emu;

/// <summary>The message codes the EMUS processor emits besides the SDK's; MESSAGES.md holds the same table.</summary>
public static class EmuMessages
{
    public const string BadPackets = "EMU-E001";
    public const string BadPayload = "EMU-E002";
    public const string NoEvents = "EMU-E003";
    public const string BadStep = "EMU-E004";
    public const string BadLevel1 = "EMU-E005";
    public const string BadCalibration = "EMU-E006";
    public const string PacketsMissing = "EMU-W001";
    public const string IncompleteFrame = "EMU-W002";
    public const string ForeignPackets = "EMU-W003";
    public const string EventsOutsideFrame = "EMU-W004";
    public const string FlaggedInput = "EMU-W005";
    public const string DeadPixelEvents = "EMU-W006";
    public const string LineNotMeasured = "EMU-W007";
    public const string NonlinearWavelengths = "EMU-W008";
    public const string Decoded = "EMU-I001";
    public const string Calibrated = "EMU-I002";

    public static IReadOnlyList<MessageCode> All { get; } =
    [
        new(BadPackets, MessageSeverity.Error, "An L0 file is not a valid CCSDS packet stream (cut short, a packet length running past the end, a bad version): the job is rejected (exit 2) with the byte offset of the bad packet."),
        new(BadPayload, MessageSeverity.Error, "An EMUS packet's user data do not follow the photon-event layout, or contradict the other packets of its frame: the job is rejected (exit 2) with the packet's byte offset."),
        new(NoEvents, MessageSeverity.Error, "An L0 file holds no EMUS photon-event packet (APID 0x130)."),
        new(BadStep, MessageSeverity.Error, "The job asks for a step EMUS does not have, or an input is not an EMUS file of the step's level."),
        new(BadLevel1, MessageSeverity.Error, "An L1 input is not an EMUS event list this processor reads (an HDU, column or keyword is missing or malformed)."),
        new(BadCalibration, MessageSeverity.Error, "The flat or wave calibration file is missing from the job or unusable (shape, values, columns)."),
        new(PacketsMissing, MessageSeverity.Warning, "EMUS packets are missing: the sequence count jumps before the packet at the given offset. Quality bit 1."),
        new(IncompleteFrame, MessageSeverity.Warning, "A frame arrived without some of its packets: its events are kept in L1 (FRAMES.QUALITY 2) and left out of L2. Quality bit 2."),
        new(ForeignPackets, MessageSeverity.Warning, "Packets of another APID were found in an EMUS L0 file and skipped."),
        new(EventsOutsideFrame, MessageSeverity.Warning, "Events are time-tagged at or after the end of their frame; they are kept. Quality bit 4."),
        new(FlaggedInput, MessageSeverity.Warning, "The L1 input carries quality flags; the L2 and quicklook products inherit them."),
        new(DeadPixelEvents, MessageSeverity.Warning, "Events fell on pixels whose flat value is below flat.minimum: they are dropped and those pixels are NaN in L2. Quality bit 8."),
        new(LineNotMeasured, MessageSeverity.Warning, "A reference line of the wave calibration could not be measured in the L2 spectrum; its LINES row holds NaN."),
        new(NonlinearWavelengths, MessageSeverity.Warning, "The wave calibration is not linear to within 1 % of a column: the L2 image has no spectral WCS (use the SPECTRUM table's WAVELENGTH)."),
        new(Decoded, MessageSeverity.Info, "An L0 file was decoded: packets, frames, events and time range."),
        new(Calibrated, MessageSeverity.Info, "An L2 image was made: events used, exposure, lines measured."),
    ];
}
