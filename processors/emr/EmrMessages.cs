namespace Sdc.Processors.Emr;

/// <summary>The EMIRS processor's own message codes (documented, the same table, in MESSAGES.md).</summary>
public static class EmrMessages
{
    public const string SequenceGap = "EMR-W001";
    public const string IncompleteScan = "EMR-W002";
    public const string Truncated = "EMR-W003";
    public const string BadSegment = "EMR-W004";
    public const string ForeignPackets = "EMR-W005";
    public const string DetectorTemperature = "EMR-W006";
    public const string NotCalibrated = "EMR-W007";
    public const string NoScans = "EMR-E001";
    public const string BadCalibration = "EMR-E002";
    public const string BadLevel1 = "EMR-E003";
    public const string UnsupportedStep = "EMR-E004";
    public const string Decoded = "EMR-I001";
    public const string Calibrated = "EMR-I002";

    public static IReadOnlyList<MessageCode> All { get; } =
    [
        new(SequenceGap, MessageSeverity.Warning, "Packets of the EMIRS APID are missing (a sequence-count gap; offset: the first packet after it). The scans on either side are flagged (QUALITY bit 2)."),
        new(IncompleteScan, MessageSeverity.Warning, "A scan lacks segments: its missing samples are null (TNULL) in Level 1, it is flagged (bit 1), and Level 2 does not calibrate it."),
        new(Truncated, MessageSeverity.Warning, "The Level 0 file ends inside a packet, or a packet's length runs past the end (offset: that packet). The scans before it are kept; the scan it cut is flagged (bit 4)."),
        new(BadSegment, MessageSeverity.Warning, "A segment cannot be used (malformed, no time code, inconsistent with its scan, or repeated; offset: its packet). It is dropped and its scan flagged (bit 8)."),
        new(ForeignPackets, MessageSeverity.Warning, "The Level 0 file holds packets of other APIDs; they were ignored."),
        new(DetectorTemperature, MessageSeverity.Warning, "Scans whose detector temperature is outside the range in emr.yaml; they are flagged (bit 16)."),
        new(NotCalibrated, MessageSeverity.Warning, "Level 2: scans without a spectrum (incomplete, or not a Mars scene) have NaN radiance and are flagged (bit 32); the mean spectrum leaves them out."),
        new(NoScans, MessageSeverity.Error, "The Level 0 file yields no EMIRS scan: no EMIRS packets, or unreadable from its first packet (offset: where reading failed)."),
        new(BadCalibration, MessageSeverity.Error, "The rad or ils calibration file is missing from the job, unreadable, or does not fit the scans."),
        new(BadLevel1, MessageSeverity.Error, "A Level 1 input is not an EMIRS interferogram table this processor reads, or has no scan to calibrate."),
        new(UnsupportedStep, MessageSeverity.Error, "The job asks for a step this processor does not perform (it makes l1 from l0, and l2 and ql from l1), or an input of another level or instrument."),
        new(Decoded, MessageSeverity.Info, "A Level 0 file was decoded: packets, scans, gaps."),
        new(Calibrated, MessageSeverity.Info, "A Level 1 file was calibrated: scans, apodization, wavenumber grid, resolution."),
    ];
}
