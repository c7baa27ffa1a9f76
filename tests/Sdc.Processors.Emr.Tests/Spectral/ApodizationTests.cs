using Sdc.Processors.Emr.Spectral;

namespace Sdc.Processors.Emr.Tests.Spectral;

public class ApodizationTests
{
    public static TheoryData<ApodizationFunction> Functions() => [.. Enum.GetValues<ApodizationFunction>()];

    [Theory]
    [MemberData(nameof(Functions))]
    public void Window_AnyFunction_IsOneAtZpdSymmetricAndNeverAboveOne(ApodizationFunction function)
    {
        var window = Apodization.Window(function, 2048);

        Assert.Equal(1.0, window[0], 1e-12);
        for (var d = 1; d < 1024; d++)
        {
            Assert.Equal(window[d], window[2048 - d]);
            Assert.InRange(window[d], 0, 1 + 1e-12);
        }
    }

    [Theory]
    [InlineData(ApodizationFunction.None, 1.207)]
    [InlineData(ApodizationFunction.Triangle, 1.772)]
    [InlineData(ApodizationFunction.Hann, 2.000)]
    [InlineData(ApodizationFunction.NortonBeerWeak, 1.448)]
    [InlineData(ApodizationFunction.NortonBeerMedium, 1.689)]
    [InlineData(ApodizationFunction.NortonBeerStrong, 1.931)]
    public void LineWidth_KnownFunctions_IsTheTextbookFwhmInBins(ApodizationFunction function, double bins)
    {
        Assert.Equal(bins, Apodization.LineWidth(function), 0.005);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void TryParse_TheNameOfEachFunction_GivesItBack(ApodizationFunction function)
    {
        Assert.True(Apodization.TryParse(Apodization.NameOf(function).ToUpperInvariant(), out var parsed));
        Assert.Equal(function, parsed);
    }

    [Fact]
    public void TryParse_UnknownName_IsFalse()
    {
        Assert.False(Apodization.TryParse("blackman", out _));
    }
}
