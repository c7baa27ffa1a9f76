using System.Globalization;
using System.Security.Cryptography;
using System.Text;

// MD5 is what the MOC's delivery records carry: an integrity check here, not security.
#pragma warning disable CA5351

namespace Sdc.Catalog.Tests;

/// <summary>Registrations shaped like EMM's archive: keys and logical ids follow mission.yaml's product pattern.</summary>
internal static class TestFiles
{
    public static readonly DateTimeOffset Day0 = new(2021, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static FileRegistration Product(
        string instrument = "exi",
        string level = "l1",
        DateTimeOffset? start = null,
        TimeSpan? duration = null,
        string descriptor = "sci",
        int orbit = 11,
        int major = 1,
        int minor = 0,
        FileKind kind = FileKind.Product,
        string contentSeed = "")
    {
        var from = start ?? Day0;
        var logical = string.Create(CultureInfo.InvariantCulture, $"emm_{instrument}_{level}_{from:yyyyMMddTHHmmssffffff}_{orbit:0000}_{descriptor}");
        var key = string.Create(CultureInfo.InvariantCulture, $"{instrument}/{level}/{from:yyyy/MM/dd}/{logical}_v{major:00}-{minor:00}.fits");
        var content = key + contentSeed;
        return new FileRegistration
        {
            Bucket = "sdc-archive",
            Key = key,
            Kind = kind,
            Instrument = instrument,
            Level = level,
            Descriptor = descriptor,
            StartTime = from,
            EndTime = from + (duration ?? TimeSpan.FromHours(1)),
            Orbit = orbit,
            LogicalId = logical,
            VersionMajor = major,
            VersionMinor = minor,
            SizeBytes = 1000 + content.Length,
            Md5 = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(content))),
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content))),
        };
    }

    public static FileRegistration Kernel(string name = "emm_spk_20210101_20251231_v01.bsp") => new()
    {
        Bucket = "sdc-archive",
        Key = "kernels/spk/" + name,
        Kind = FileKind.Kernel,
        StartTime = new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero),
        EndTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        SizeBytes = 123_456,
        Md5 = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(name))),
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name))),
    };
}
