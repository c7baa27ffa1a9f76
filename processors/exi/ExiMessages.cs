namespace Sdc.Processors.Exi;

/// <summary>The message codes the EXI processor emits besides the SDK's; MESSAGES.md is the same table.</summary>
public static class ExiMessages
{
    public const string Level0Decoded = "EXI-I001";
    public const string HousekeepingRead = "EXI-I002";
    public const string CalibrationFrameSkipped = "EXI-I003";
    public const string ImageCalibrated = "EXI-I004";
    public const string SequenceGap = "EXI-W001";
    public const string ImageIncomplete = "EXI-W002";
    public const string PacketsIgnored = "EXI-W003";
    public const string NoHousekeeping = "EXI-W004";
    public const string NoImages = "EXI-W005";
    public const string BadPacketStream = "EXI-E001";
    public const string BadPayload = "EXI-E002";
    public const string BadInput = "EXI-E003";
    public const string BadCalibration = "EXI-E004";
    public const string UnsupportedStep = "EXI-E005";

    public static IReadOnlyList<MessageCode> All { get; } =
    [
        new(Level0Decoded, MessageSeverity.Info, "An L0 file was decoded: packets read, images found, sequence gaps."),
        new(HousekeepingRead, MessageSeverity.Info, "A spacecraft housekeeping (sc) L0 file was read: samples and time span."),
        new(CalibrationFrameSkipped, MessageSeverity.Info, "An L1 input is a dark or flat-lamp frame: it gets no L2 or quicklook product."),
        new(ImageCalibrated, MessageSeverity.Info, "An image was calibrated: the calibration files used and how many pixels were flagged."),
        new(SequenceGap, MessageSeverity.Warning, "An L0 file has a sequence-count gap: packets are missing (APID, expected and found counts; offset of the packet after the gap)."),
        new(ImageIncomplete, MessageSeverity.Warning, "An image lacks tiles: its missing pixels are 0 DN in L1, NaN in L2, flagged MISSING in QUALITY, and the product's quality bit 1 is set."),
        new(PacketsIgnored, MessageSeverity.Warning, "Packets were ignored: another APID, no time code, out-of-place segments or repeated tiles (count and first offset)."),
        new(NoHousekeeping, MessageSeverity.Warning, "Housekeeping was given but has no sample close enough to an image: that image's header has no housekeeping keywords."),
        new(NoImages, MessageSeverity.Warning, "An EXI L0 file holds no image tile: it yields no product."),
        new(BadPacketStream, MessageSeverity.Error, "An L0 file is not a valid packet stream (truncated, or a packet length running past the end): no products; the message names the file and byte offset."),
        new(BadPayload, MessageSeverity.Error, "A packet's payload is malformed, or a tile disagrees with the other tiles of its image: no products; file and byte offset given."),
        new(BadInput, MessageSeverity.Error, "An input is not what the step reads (another instrument or level, or an L1 FITS without the EXI keywords)."),
        new(BadCalibration, MessageSeverity.Error, "Calibration is missing or unusable: no dark, flat or gain for the filter and date, or an image of the wrong size."),
        new(UnsupportedStep, MessageSeverity.Error, "The job asks for a step this processor does not perform (from l0 produces l1; from l1 produces l2 and/or ql)."),
    ];
}
