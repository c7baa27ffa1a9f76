namespace Sdc.Promotion.Reports;

/// <summary>
/// The values of one array (an image's pixels, a table column) compared element by element.
/// </summary>
/// <param name="Item">"pixels" or "column NAME".</param>
/// <param name="Values">How many were compared.</param>
/// <param name="Outside">How many were beyond the tolerance, <paramref name="NonFinite"/> included.</param>
/// <param name="NonFinite">Pairs where one side is NaN or infinite and the other is not the same (no distance to measure).</param>
/// <param name="MaxAbsoluteDifference">Largest |candidate − baseline| over finite pairs.</param>
/// <param name="MaxRelativeDifference">Largest |candidate − baseline| / |baseline| over finite pairs with a non-zero baseline.</param>
/// <param name="FirstOutside">Where the first value beyond the tolerance is (e.g. "pixel [13, 41]", "row 5"), or null.</param>
public sealed record DataResult(string Item, long Values, long Outside, long NonFinite, double MaxAbsoluteDifference, double MaxRelativeDifference, string Tolerance, string? FirstOutside);
