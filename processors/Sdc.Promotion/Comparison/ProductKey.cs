using Sdc.Mission;

namespace Sdc.Promotion.Comparison;

/// <summary>
/// What makes two products "the same product" across versions: the fields of its mission file
/// name except the version (instrument, level, start, orbit, descriptor, extension). A name the
/// mission does not describe is its own key.
/// </summary>
internal static class ProductKey
{
    public static string Of(Mission.Mission mission, string name) =>
        mission.TryParseFileName(name, out var fields, out _) && fields!.Kind == FileNameKind.Product
            ? $"{fields.Instrument}_{fields.Level}_{fields.Start:yyyyMMdd'T'HHmmss}_{fields.Orbit}_{fields.Descriptor}.{fields.Extension}"
            : name;
}
