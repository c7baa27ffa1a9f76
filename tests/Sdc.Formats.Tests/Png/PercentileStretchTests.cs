using Sdc.Formats.Png;

namespace Sdc.Formats.Tests.Png;

public sealed class PercentileStretchTests
{
    [Fact]
    public void ToBytes_RampOverFullRange_MapsEndsTo0And255Monotonically()
    {
        var ramp = Enumerable.Range(0, 1001).Select(i => (float)i).ToArray();

        var bytes = PercentileStretch.ToBytes<float>(ramp, 0, 100);

        Assert.Equal(0, bytes[0]);
        Assert.Equal(255, bytes[^1]);
        Assert.Equal(128, bytes[500]);
        Assert.True(bytes.Zip(bytes.Skip(1)).All(p => p.First <= p.Second));
    }

    [Fact]
    public void ToBytes_Outliers_AreClippedNotStretchedOver()
    {
        var values = Enumerable.Range(0, 1000).Select(i => (double)(i % 100)).ToArray();
        values[10] = 1e9;
        values[20] = -1e9;

        var bytes = PercentileStretch.ToBytes<double>(values, 1, 99);

        Assert.Equal(255, bytes[10]);
        Assert.Equal(0, bytes[20]);
        Assert.InRange(bytes[50], 120, 135);
    }

    [Fact]
    public void ToBytes_NonFiniteAndConstant_GiveBlackAndMidGrey()
    {
        float[] values = [5, 5, float.NaN, 5, float.PositiveInfinity];

        var bytes = PercentileStretch.ToBytes<float>(values);

        Assert.Equal([128, 128, 0, 128, 0], bytes);
        Assert.Null(PercentileStretch.Limits<float>([float.NaN]));
    }

    [Fact]
    public void Limits_Percentiles_InterpolateBetweenSamples()
    {
        var limits = PercentileStretch.Limits<double>(Enumerable.Range(0, 101).Select(i => (double)i).ToArray(), 2.5, 97.5);

        Assert.Equal((2.5, 97.5), limits);
    }

    [Fact]
    public void ToImage_FitsRowOrder_PutsRowZeroAtTheBottom()
    {
        float[] pixels = [0, 0, 0, 10, 10, 10];

        var image = PercentileStretch.ToImage<float>(pixels, 3, 2, 0, 100);

        Assert.Equal(PngPixelFormat.Gray8, image.Format);
        Assert.Equal(new byte[] { 255, 255, 255, 0, 0, 0 }, (byte[])image.Pixels);
    }

    [Fact]
    public void ToBytes_BadPercentiles_Throw() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PercentileStretch.ToBytes<float>([1f], 90, 10));
}
