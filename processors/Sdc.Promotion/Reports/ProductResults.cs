namespace Sdc.Promotion.Reports;

/// <summary>The values of <see cref="ProductResult.Result"/>.</summary>
public static class ProductResults
{
    /// <summary>Same metadata, headers equal except keywords that may differ, data within tolerances.</summary>
    public const string Match = "match";

    /// <summary>Made by both, with differences beyond what is allowed.</summary>
    public const string Differs = "differs";

    /// <summary>The baseline made it; the candidate did not.</summary>
    public const string Missing = "missing";

    /// <summary>The candidate made it; the baseline did not.</summary>
    public const string Extra = "extra";
}
