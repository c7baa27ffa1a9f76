namespace Sdc.Catalog;

/// <summary>
/// How many latest-version science files and products of an instrument start on a UTC day, and
/// the highest processing level among them.
/// </summary>
public sealed record CoverageDay(string Instrument, DateOnly Day, long Files, string HighestLevel);
