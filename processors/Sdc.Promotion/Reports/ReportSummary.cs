namespace Sdc.Promotion.Reports;

/// <summary>Counts over the products, and the largest differences found in any of them.</summary>
public sealed record ReportSummary(int Products, int Matching, int Differing, int Missing, int Extra, int Identical, double MaxAbsoluteDifference, double MaxRelativeDifference);
