using Sdc.Mission;
using Sdc.Processing;

namespace Sdc.Products;

/// <summary>Names products by the mission's product pattern, with the job's instrument and product version.</summary>
public static class ProductNames
{
    public static string For(ProcessingContext context, string level, DateTimeOffset start, int orbit, string descriptor, string extension)
    {
        var version = context.Job.ProductVersion;
        var fields = new MissionFileName(FileNameKind.Product, ProductMission.Current.Id)
        {
            Instrument = context.Job.Instrument,
            Level = level,
            Start = start.UtcDateTime,
            Orbit = orbit,
            Descriptor = descriptor,
            Version = new ProductVersion(int.Parse(version[..2], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(version[3..], System.Globalization.CultureInfo.InvariantCulture)),
            Extension = extension,
        };
        return ProductMission.Current.FormatFileName(fields);
    }

    /// <summary>The typed fields of an input's name (instrument, level, orbit…), or a bad-input error naming it.</summary>
    public static MissionFileName Parse(JobFile file) =>
        ProductMission.Current.TryParseFileName(file.Name, out var parsed, out var error)
            ? parsed!
            : throw new BadInputException(SdkMessages.BadJob, $"{file.Name}: {error!.Message}", file.Name);
}
