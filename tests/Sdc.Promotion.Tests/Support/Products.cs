using System.Security.Cryptography;
using Sdc.Formats.Fits;
using Sdc.Formats.Png;
using Sdc.Promotion.Runs;

namespace Sdc.Promotion.Tests.Support;

/// <summary>Product files written with Sdc.Formats, described as a job's outputs.json would list them.</summary>
internal static class Products
{
    public static readonly DateTimeOffset Start = new(2021, 2, 24, 4, 0, 0, TimeSpan.Zero);

    /// <summary>An L2-like FITS file: a float image with provenance keywords, a QUALITY extension and a small table.</summary>
    public static FitsFile Level2(float[]? pixels = null, string procver = "1.0.0")
    {
        var primary = new ImageHdu(pixels ?? Pixels(), 4, 3);
        primary.Header.Add("INSTRUME", "EXI").Add("PROCNAME", "exi").Add("PROCVER", procver).Add("DATE", "2021-02-25T00:00:00")
            .Add("JOBID", "validation-l1-0001").Add("EXPTIME", 10.0).Add("FILTER", "f220").Add("NBADFLAT", 0L);
        primary.Header.AddComment("Radiance from counts.");
        var quality = new ImageHdu(new byte[12], 4, 3) { Name = "QUALITY" };
        var table = new BinaryTableHdu(
            new FitsColumn("WAVE", new[] { 220.0, 260.0, 320.0 }) { Unit = "nm" },
            new FitsColumn("FLUX", new[] { 1.5f, 2.5f, 3.5f }),
            new FitsColumn("NAME", new[] { "a", "b", "c" }))
        { Name = "LINES" };
        return new FitsFile(primary, quality, table);
    }

    public static float[] Pixels() => [1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f, 10f, 11f, 12f];

    public static ProducedFile Save(FitsFile file, string folder, string name, string level = "l2", int quality = 0)
    {
        var path = Path.Combine(Directory.CreateDirectory(folder).FullName, name);
        file.Save(path);
        return Describe(path, level, quality);
    }

    public static ProducedFile Save(PngImage image, string folder, string name)
    {
        var path = Path.Combine(Directory.CreateDirectory(folder).FullName, name);
        image.Save(path);
        return Describe(path, "ql", 0);
    }

    public static ProducedFile Describe(string path, string level, int quality)
    {
        var bytes = File.ReadAllBytes(path);
        return new ProducedFile(Path.GetFileName(path), path, level, level == "ql" ? "f220" : "f220", Start, Start.AddSeconds(10), 1, bytes.Length,
            Convert.ToHexStringLower(MD5.HashData(bytes)), Convert.ToHexStringLower(SHA256.HashData(bytes)), quality, []);
    }
}
