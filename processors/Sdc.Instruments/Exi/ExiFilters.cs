using System.Globalization;

namespace Sdc.Instruments;

/// <summary>Names and codes of <see cref="ExiFilter"/>.</summary>
public static class ExiFilters
{
    public static IReadOnlyList<ExiFilter> All { get; } = [ExiFilter.F220, ExiFilter.F260, ExiFilter.F320, ExiFilter.F437, ExiFilter.F546, ExiFilter.F635];

    /// <summary>The product-name descriptor, e.g. "f635".</summary>
    public static string Descriptor(this ExiFilter filter) => filter switch
    {
        ExiFilter.F220 => "f220",
        ExiFilter.F260 => "f260",
        ExiFilter.F320 => "f320",
        ExiFilter.F437 => "f437",
        ExiFilter.F546 => "f546",
        ExiFilter.F635 => "f635",
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "Not an EXI filter."),
    };

    /// <summary>The filter's centre wavelength in nm (the number in its name).</summary>
    public static int CentreNm(this ExiFilter filter) => int.Parse(filter.Descriptor().AsSpan(1), CultureInfo.InvariantCulture);

    /// <summary>True for f220, f260, f320 (UV camera).</summary>
    public static bool IsUltraviolet(this ExiFilter filter) => filter <= ExiFilter.F320;

    /// <summary>The filter named by a descriptor ("f635"); throws <see cref="ArgumentException"/> for anything else.</summary>
    public static ExiFilter FromDescriptor(string descriptor) =>
        TryFromDescriptor(descriptor, out var filter)
            ? filter
            : throw new ArgumentException($"'{descriptor}' is not an EXI filter; expected one of {string.Join(", ", All.Select(f => f.Descriptor()))}.", nameof(descriptor));

    public static bool TryFromDescriptor(string descriptor, out ExiFilter filter)
    {
        foreach (var candidate in All)
        {
            if (candidate.Descriptor() == descriptor)
            {
                filter = candidate;
                return true;
            }
        }
        filter = default;
        return false;
    }
}
