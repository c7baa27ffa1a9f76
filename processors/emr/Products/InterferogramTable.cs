using System.Globalization;
using Sdc.Ccsds;
using Sdc.Formats.Fits;
using Sdc.Instruments;
using Sdc.Processors.Emr.Level0;

namespace Sdc.Processors.Emr.Products;

/// <summary>
/// The Level 1 product: a primary HDU with provenance and a BINTABLE <c>INTERFEROGRAMS</c>, one
/// row per scan in the order the scans started:
/// <list type="table">
/// <item><term>SCANID (K)</term><description>scan id</description></item>
/// <item><term>CUCTIME (D, s)</term><description>scan start, seconds since 2000-01-01T00:00:00 UTC, leap seconds not counted (the packet CUC)</description></item>
/// <item><term>UTC (26A)</term><description>the same, ISO 8601</description></item>
/// <item><term>ZPD (J)</term><description>0-based sample of zero path difference</description></item>
/// <item><term>DETTEMP (E, K)</term><description>detector temperature</description></item>
/// <item><term>SCENE (B)</term><description>0 Mars, 1 deep space, 2 internal blackbody</description></item>
/// <item><term>NVALID (J)</term><description>samples that arrived</description></item>
/// <item><term>QUALITY (I)</term><description><see cref="ScanQuality"/> bits</description></item>
/// <item><term>L0OFFSET (K)</term><description>byte offset of the scan's first packet in the Level 0 file</description></item>
/// <item><term>SAMPLES (NJ, count)</term><description>the interferogram; TNULL −2147483648 for samples that never arrived</description></item>
/// </list>
/// </summary>
public static class InterferogramTable
{
    public const string ExtensionName = "INTERFEROGRAMS";

    /// <summary>The table of <paramref name="scans"/> (all of one length), with <paramref name="describe"/> adding provenance to the primary header.</summary>
    public static FitsFile Build(IReadOnlyList<EmirsScan> scans, Action<FitsHeader> describe)
    {
        ArgumentNullException.ThrowIfNull(scans);
        ArgumentNullException.ThrowIfNull(describe);
        if (scans.Count == 0)
        {
            throw new ArgumentException("A Level 1 table needs at least one scan.", nameof(scans));
        }

        var length = scans[0].Samples.Length;
        var samples = new int[scans.Count * length];
        for (var i = 0; i < scans.Count; i++)
        {
            scans[i].Samples.CopyTo(samples, i * length);
        }

        var table = new BinaryTableHdu(
            new FitsColumn("SCANID", scans.Select(s => (long)s.ScanId).ToArray()),
            new FitsColumn("CUCTIME", scans.Select(s => s.Time.TotalSeconds).ToArray()) { Unit = "s" },
            new FitsColumn("UTC", scans.Select(s => Utc(s.Time)).ToArray(), 26),
            new FitsColumn("ZPD", scans.Select(s => s.ZpdIndex).ToArray()),
            new FitsColumn("DETTEMP", scans.Select(s => (float)s.DetectorTemperatureK).ToArray()) { Unit = "K" },
            new FitsColumn("SCENE", scans.Select(s => (byte)s.Scene).ToArray()),
            new FitsColumn("NVALID", scans.Select(s => s.ValidSamples).ToArray()),
            new FitsColumn("QUALITY", scans.Select(s => (short)s.Quality).ToArray()),
            new FitsColumn("L0OFFSET", scans.Select(s => s.Offset).ToArray()) { Unit = "byte" },
            new FitsColumn("SAMPLES", samples, length) { Unit = "count" })
        {
            Name = ExtensionName,
        };
        var header = table.Header;
        header.Add("TNULL10", EmirsScan.MissingSample, "SAMPLES value of a sample that never arrived");
        header.Add("SCANLEN", length, "samples per interferogram (N)");
        header.Add("NSCANS", scans.Count, "scans (rows)");
        header.Add("TIMESYS", "UTC", "CUCTIME and UTC are UTC");
        header.AddComment("CUCTIME: seconds since 2000-01-01T00:00:00 UTC, leap seconds not counted (packet CUC).");
        header.AddComment("ZPD: 0-based index in SAMPLES of zero path difference.");
        header.AddComment("SCENE: 0 Mars, 1 deep space, 2 internal blackbody.");
        foreach (var comment in ScanQualityNotes.HeaderComments())
        {
            header.AddComment(comment);
        }

        var primary = new ImageHdu();
        describe(primary.Header);
        return new FitsFile(primary, table);
    }

    /// <summary>
    /// Reads a Level 1 table back into scans, with the product's quality (its primary QUALITY, which
    /// may hold file-level flags no row has); a file this processor did not write is a <see cref="BadInputException"/>.
    /// </summary>
    public static (IReadOnlyList<EmirsScan> Scans, ScanQuality Quality) Read(string path, string name)
    {
        try
        {
            var file = FitsFile.Load(path);
            var table = file.Get<BinaryTableHdu>(ExtensionName);
            var ids = table["SCANID"].GetValues<long>();
            var times = table["CUCTIME"].GetValues<double>();
            var zpd = table["ZPD"].GetValues<int>();
            var temperature = table["DETTEMP"].GetValues<float>();
            var scene = table["SCENE"].GetValues<byte>();
            var valid = table["NVALID"].GetValues<int>();
            var quality = table["QUALITY"].GetValues<short>();
            var offsets = table["L0OFFSET"].GetValues<long>();
            var samplesColumn = table["SAMPLES"];
            var samples = samplesColumn.GetValues<int>();
            var length = samplesColumn.Repeat;
            var scans = new List<EmirsScan>(table.RowCount);
            for (var row = 0; row < table.RowCount; row++)
            {
                if (zpd[row] < 0 || zpd[row] >= length || !(times[row] >= 0) || scene[row] > (byte)EmirsScene.InternalBlackbody || ids[row] is < 0 or > uint.MaxValue)
                {
                    throw new BadInputException(EmrMessages.BadLevel1,
                        $"{name}: {ExtensionName} row {row + 1}: ZPD {zpd[row]}, CUCTIME {times[row]}, SCENE {scene[row]}, SCANID {ids[row]} do not describe a scan of {length} samples", name);
                }

                var scan = new EmirsScan((uint)ids[row], CucTime.FromSeconds(times[row]), zpd[row], temperature[row], (EmirsScene)scene[row],
                    samples.AsSpan(row * length, length).ToArray(), offsets[row])
                {
                    ValidSamples = valid[row],
                    Quality = (ScanQuality)quality[row],
                };
                scans.Add(scan);
            }

            if (scans.Count == 0)
            {
                throw new BadInputException(EmrMessages.BadLevel1, $"{name}: {ExtensionName} has no rows", name);
            }

            var rows = scans.Aggregate(ScanQuality.None, (q, s) => q | s.Quality);
            return (scans, file.Primary.Header.TryGetInt64("QUALITY", out var stated) ? rows | (ScanQuality)stated : rows);
        }
        catch (FitsFormatException e)
        {
            throw new BadInputException(EmrMessages.BadLevel1, $"{name}: not a readable FITS file: {e.Message}", name, e.Offset);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidCastException or IOException or ArgumentOutOfRangeException)
        {
            throw new BadInputException(EmrMessages.BadLevel1, $"{name}: not an EMIRS Level 1 interferogram table: {e.Message}", name);
        }
    }

    /// <summary>yyyy-MM-ddTHH:mm:ss.ffffff, UTC.</summary>
    public static string Utc(CucTime time) =>
        time.ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
