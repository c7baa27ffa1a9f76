using System.Globalization;
using Sdc.Formats.Fits;

namespace Sdc.Processors.Emr.Products;

/// <summary>The primary-header keywords every EMIRS product has besides the SDK's provenance.</summary>
public static class ProductHeader
{
    public static void Describe(FitsHeader header, int orbit, DateTime start, DateTime end, int scans, ScanQuality quality)
    {
        ArgumentNullException.ThrowIfNull(header);
        header.Add("TELESCOP", "EMM", "Emirates Mars Mission (Hope)");
        header.Add("ORBIT", orbit, "orbit number (from the input's name)");
        header.Add("DATE-BEG", Iso(start), "start of the first scan (UTC)");
        header.Add("DATE-END", Iso(end), "start of the last scan (UTC)");
        header.Add("NSCANS", scans, "scans in the product");
        header.Add("QUALITY", (int)quality, "OR of the rows' QUALITY bits (0 = good)");
    }

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
