using System.Globalization;
using Sdc.Formats.Fits;
using Sdc.Processing;

namespace Sdc.Products;

/// <summary>
/// The provenance every FITS product carries in its primary header: mission, instrument, level,
/// processor name, version and image, job, creation time (the job's, so re-runs are identical),
/// product version, and every input, kernel and calibration file with its MD5.
/// </summary>
public static class FitsProvenance
{
    public static FitsHeader Stamp(FitsHeader header, ProcessingContext context, string level)
    {
        var job = context.Job;
        header.Add("ORIGIN", "EMM SDC", "Science Data Center that made this file");
        header.Add("MISSION", ProductMission.Current.Name);
        header.Add("INSTRUME", job.Instrument.ToUpperInvariant(), "Instrument");
        header.Add("LEVEL", level.ToUpperInvariant(), "Processing level");
        header.Add("VERSION", job.ProductVersion, "Product version (major-minor)");
        header.Add("PROCNAME", job.Processor.Name, "Processor");
        header.Add("PROCVER", job.Processor.Version, "Processor version");
        if (job.Processor.Image is { } image)
        {
            header.Add("PROCIMG", image, "Processor container image");
        }
        header.Add("JOBID", job.JobId, "SDC job that made this file");
        header.Add("DATE", job.CreationTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), "Creation time (UTC)");
        Files(header, "INPUT", "INMD5", job.Inputs);
        Files(header, "KERNEL", "KRMD5", job.Kernels);
        Files(header, "CALIB", "CLMD5", job.Calibration);
        return header;
    }

    private static void Files(FitsHeader header, string nameKey, string md5Key, IReadOnlyList<JobFile> files)
    {
        header.Add($"N{nameKey}"[..Math.Min(8, nameKey.Length + 1)], files.Count, $"Number of {nameKey.ToLowerInvariant()} files");
        for (var i = 0; i < files.Count; i++)
        {
            var index = (i + 1).ToString(CultureInfo.InvariantCulture);
            header.Add((nameKey + index)[..Math.Min(8, nameKey.Length + index.Length)], files[i].Name);
            header.Add((md5Key + index)[..Math.Min(8, md5Key.Length + index.Length)], files[i].Md5);
        }
    }
}
