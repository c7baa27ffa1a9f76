using Sdc.Promotion.Settings;

namespace Sdc.Promotion.Tests;

public sealed class ToleranceTests
{
    [Theory]
    [InlineData(0, 0, 1.0, 1.0, true)]
    [InlineData(0, 0, 1.0, 1.0000001, false)]
    [InlineData(1e-6, 0, 1000.0005, 1000.0, true)]
    [InlineData(1e-6, 0, 1000.002, 1000.0, false)]
    [InlineData(0, 0.5, 10.4, 10.0, true)]
    [InlineData(0, 0.5, 10.6, 10.0, false)]
    [InlineData(1e-6, 0, 1e-12, 0.0, false)]
    [InlineData(1e-6, 1e-9, 1e-12, 0.0, true)]
    public void Allows_FiniteValues_AbsolutePlusRelativeOfBaseline(double relative, double absolute, double candidate, double baseline, bool allowed)
    {
        Assert.Equal(allowed, new Tolerance(relative, absolute).Allows(candidate, baseline));
    }

    [Theory]
    [InlineData(double.NaN, double.NaN, true)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity, true)]
    [InlineData(double.NaN, 1.0, false)]
    [InlineData(1.0, double.NaN, false)]
    [InlineData(double.PositiveInfinity, double.NegativeInfinity, false)]
    [InlineData(1e308, double.PositiveInfinity, false)]
    public void Allows_NonFiniteValues_OnlyTheSameOnBothSides(double candidate, double baseline, bool allowed)
    {
        // Even a huge tolerance: a value that turns into NaN is a change, not a rounding.
        Assert.Equal(allowed, new Tolerance(1, 1e300).Allows(candidate, baseline));
    }
}
