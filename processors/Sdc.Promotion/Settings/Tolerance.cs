using System.Globalization;

namespace Sdc.Promotion.Settings;

/// <summary>
/// How far a candidate's value may be from the baseline's: <c>|candidate − baseline| ≤ absolute +
/// relative × |baseline|</c> (numpy's <c>isclose</c>). NaN matches only NaN and an infinity only the
/// same infinity, whatever the tolerance: a value that appears or vanishes is a difference.
/// </summary>
public readonly record struct Tolerance(double Relative, double Absolute)
{
    public static Tolerance Exact { get; } = new(0, 0);

    public bool Allows(double candidate, double baseline)
    {
        if (candidate.Equals(baseline))
        {
            return true; // also NaN against NaN, and the same infinity
        }
        if (!double.IsFinite(candidate) || !double.IsFinite(baseline))
        {
            return false;
        }
        return Math.Abs(candidate - baseline) <= Absolute + (Relative * Math.Abs(baseline));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"relative {Relative:G6}, absolute {Absolute:G6}");
}
