namespace Sdc.Processors.Emr;

/// <summary>What each <see cref="ScanQuality"/> bit means, for outputs.json and FITS headers.</summary>
public static class ScanQualityNotes
{
    public static IReadOnlyList<(ScanQuality Flag, string Meaning)> Bits { get; } =
    [
        (ScanQuality.Incomplete, "incomplete scan: segments missing, samples null"),
        (ScanQuality.SequenceGap, "packet sequence gap before or inside the scan"),
        (ScanQuality.Truncated, "Level 0 file cut short inside the scan"),
        (ScanQuality.BadSegment, "a malformed, inconsistent or repeated segment was dropped"),
        (ScanQuality.DetectorTemperature, "detector temperature outside the configured range"),
        (ScanQuality.NotCalibrated, "no spectrum: incomplete scan or not a Mars scene"),
    ];

    /// <summary>
    /// One note per flag set in <paramref name="quality"/>, with how many of the rows carry it; a flag
    /// no row carries is the file's (e.g. a Level 0 file cut short between two scans).
    /// </summary>
    public static IReadOnlyList<string> Describe(ScanQuality quality, IReadOnlyList<ScanQuality> rows) =>
        [.. Bits.Where(b => quality.HasFlag(b.Flag)).Select(b => rows.Count(r => r.HasFlag(b.Flag)) switch
        {
            0 => $"bit {(int)b.Flag}: {FileMeaning(b.Flag)} (the file as a whole, no scan)",
            var n => $"bit {(int)b.Flag}: {b.Meaning} ({n} of {rows.Count} scans)",
        })];

    private static string FileMeaning(ScanQuality flag) => flag == ScanQuality.Truncated
        ? "Level 0 file cut short: the data after the cut are lost"
        : Bits.Single(b => b.Flag == flag).Meaning;

    /// <summary>COMMENT cards explaining the QUALITY column.</summary>
    public static IEnumerable<string> HeaderComments() =>
        Bits.Select(b => $"QUALITY bit {(int)b.Flag}: {b.Meaning}");
}
