using Sdc.Formats.Png;
using Sdc.Formats.Tests.Support;

namespace Sdc.Formats.Tests.Png;

public sealed class LinePlotTests : IDisposable
{
    private const int Line = 0x1F77B4;
    private readonly TempFolder _temp = new();

    [Fact]
    public void Render_Diagonal_DrawsAxesAndTheLineThroughItsEnds()
    {
        var plot = new LinePlot { Width = 200, Height = 100, Margin = 20, Padding = 0 };
        var (left, top, right, bottom) = plot.PlotArea;

        var image = plot.Render([0.0, 1, 2, 3, 4], [10.0, 11, 12, 13, 14]);

        Assert.Equal(0x000000, Pixel(image, left, (top + bottom) / 2));
        Assert.Equal(0x000000, Pixel(image, (left + right) / 2, bottom));
        Assert.Equal(Line, Pixel(image, left, bottom));
        Assert.Equal(Line, Pixel(image, right, top));
        Assert.True(LineNear(image, (left + right) / 2, (top + bottom) / 2));
        Assert.Equal(0xFFFFFF, Pixel(image, right - 5, bottom - 5));
        Assert.Equal(0xFFFFFF, Pixel(image, left + 5, top + 5));
    }

    [Fact]
    public void Render_NaN_BreaksTheLine()
    {
        var plot = new LinePlot { Width = 200, Height = 100, Margin = 20 };
        var (left, top, right, bottom) = plot.PlotArea;

        var image = plot.Render([1.0, 1, double.NaN, 1, 1]);

        var y = (top + bottom) / 2;
        var quarter = (right - left) / 4;
        Assert.True(LineNear(image, left + (quarter / 2), y));
        Assert.False(LineNear(image, left + (2 * quarter), y));
        Assert.True(LineNear(image, right - (quarter / 2), y));
    }

    [Fact]
    public async Task Render_Spectrum_IsAValidPngWithRangesInText()
    {
        var spectrum = Enumerable.Range(0, 500).Select(i => (float)Math.Exp(-Math.Pow((i - 250) / 30.0, 2))).ToArray();
        var path = _temp.File("spectrum.png");

        new LinePlot { Title = "EMUS spectrum" }.Render(spectrum).Save(path);

        var decoded = await PngDecoder.DecodeAsync(path);
        Assert.Equal((800, 400, 2), (decoded.Width, decoded.Height, decoded.ColorType));
        Assert.Equal("EMUS spectrum", decoded.Text["Title"]);
        Assert.Equal("0 499", decoded.Text["X range"]);
        Assert.Contains(decoded.Pixels.Chunk(3), p => p[0] == 0x1F && p[1] == 0x77 && p[2] == 0xB4);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>The line passes through column x within a pixel of y (rounding may put it either side).</summary>
    private static bool LineNear(PngImage image, int x, int y) =>
        Enumerable.Range(y - 1, 3).Any(row => Pixel(image, x, row) == Line);

    private static int Pixel(PngImage image, int x, int y)
    {
        var pixels = (byte[])image.Pixels;
        var i = ((y * image.Width) + x) * 3;
        return (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
    }
}
