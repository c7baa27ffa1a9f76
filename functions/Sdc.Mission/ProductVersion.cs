using System.Globalization;

namespace Sdc.Mission;

/// <summary>A product version as it appears in file names: <c>v03-01</c> is major 3, minor 1.</summary>
public readonly record struct ProductVersion(int Major, int Minor) : IComparable<ProductVersion>
{
    public const int MaxPart = 99;

    public int CompareTo(ProductVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <summary>"03-01": the form used inside file names (after the "v").</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Major:00}-{Minor:00}");

    public static bool TryParse(string text, out ProductVersion version)
    {
        version = default;
        if (text.Length != 5 || text[2] != '-' || !IsDigits(text.AsSpan(0, 2)) || !IsDigits(text.AsSpan(3, 2)))
        {
            return false;
        }
        version = new ProductVersion(int.Parse(text.AsSpan(0, 2), CultureInfo.InvariantCulture), int.Parse(text.AsSpan(3, 2), CultureInfo.InvariantCulture));
        return true;
    }

    public static bool operator <(ProductVersion left, ProductVersion right) => left.CompareTo(right) < 0;
    public static bool operator >(ProductVersion left, ProductVersion right) => left.CompareTo(right) > 0;
    public static bool operator <=(ProductVersion left, ProductVersion right) => left.CompareTo(right) <= 0;
    public static bool operator >=(ProductVersion left, ProductVersion right) => left.CompareTo(right) >= 0;

    private static bool IsDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }
}
