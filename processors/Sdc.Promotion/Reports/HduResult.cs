namespace Sdc.Promotion.Reports;

/// <summary>One HDU of a FITS product (or a quicklook's image), and how its data compared.</summary>
/// <param name="Name">EXTNAME, PRIMARY for an unnamed first HDU, or "image" for a quicklook.</param>
/// <param name="Kind">IMAGE, BINTABLE or PNG.</param>
/// <param name="Keywords">Header keywords compared (those that may differ are not counted).</param>
public sealed record HduResult(int Index, string Name, string Kind, int Keywords, IReadOnlyList<DataResult> Data);
