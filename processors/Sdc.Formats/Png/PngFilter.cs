namespace Sdc.Formats.Png;

/// <summary>The PNG row filter (filter method 0), or <see cref="Adaptive"/>: per row, the filter whose output has the smallest sum of absolute values.</summary>
public enum PngFilter
{
    None = 0,
    Sub = 1,
    Up = 2,
    Average = 3,
    Paeth = 4,
    Adaptive = 5,
}
