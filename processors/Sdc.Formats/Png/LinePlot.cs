using System.Globalization;

namespace Sdc.Formats.Png;

/// <summary>
/// A spectrum quicklook: white background, black left and bottom axes with five ticks each, and the
/// data as a polyline (NaN or infinite points break it). There is no font: the axis ranges go into
/// tEXt chunks ("X range", "Y range") and a caption into "Title".
/// </summary>
public sealed class LinePlot
{
    public int Width { get; init; } = 800;

    public int Height { get; init; } = 400;

    /// <summary>Space left of and below the axes, in pixels.</summary>
    public int Margin { get; init; } = 40;

    /// <summary>Fraction of the y range added above and below the data.</summary>
    public double Padding { get; init; } = 0.05;

    /// <summary>0xRRGGBB.</summary>
    public int LineColor { get; init; } = 0x1F77B4;

    public string? Title { get; init; }

    /// <summary>Left, top, right and bottom pixel of the area the data are drawn in (the axes run along left and bottom).</summary>
    public (int Left, int Top, int Right, int Bottom) PlotArea => (Margin, 10, Width - 11, Height - 1 - Margin);

    /// <summary>Plots y against its index.</summary>
    public PngImage Render(ReadOnlySpan<float> y)
    {
        var values = new double[y.Length];
        for (var i = 0; i < y.Length; i++)
        {
            values[i] = y[i];
        }

        return Render(Enumerable.Range(0, y.Length).Select(i => (double)i).ToArray(), values);
    }

    /// <summary>Plots y against its index.</summary>
    public PngImage Render(ReadOnlySpan<double> y) => Render(Enumerable.Range(0, y.Length).Select(i => (double)i).ToArray(), y);

    public PngImage Render(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"x has {x.Length} values, y {y.Length}.", nameof(y));
        }

        if (Width < 2 * Margin || Height < 2 * Margin || Margin < 8)
        {
            throw new InvalidOperationException($"A {Width}x{Height} plot with margin {Margin} leaves no room to plot.");
        }

        var canvas = new byte[Width * Height * 3];
        canvas.AsSpan().Fill(0xFF);
        var (left, top, right, bottom) = PlotArea;
        var (xMin, xMax) = Range(x, y, 0);
        var (yMin, yMax) = Range(y, x, Padding);

        DrawLine(canvas, left, top, left, bottom, 0);
        DrawLine(canvas, left, bottom, right, bottom, 0);
        for (var t = 0; t <= 4; t++)
        {
            var tx = left + ((right - left) * t / 4);
            var ty = bottom - ((bottom - top) * t / 4);
            DrawLine(canvas, tx, bottom, tx, bottom + 5, 0);
            DrawLine(canvas, left - 5, ty, left, ty, 0);
        }

        (int X, int Y)? previous = null;
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
            {
                previous = null;
                continue;
            }

            var px = left + (int)Math.Round((x[i] - xMin) / (xMax - xMin) * (right - left));
            var py = bottom - (int)Math.Round((y[i] - yMin) / (yMax - yMin) * (bottom - top));
            var (fromX, fromY) = previous ?? (px, py);
            DrawLine(canvas, fromX, fromY, px, py, LineColor);
            previous = (px, py);
        }

        var image = PngImage.Rgb8(canvas, Width, Height);
        if (Title is not null)
        {
            image.Text.Add(new("Title", Title));
        }

        image.Text.Add(new("X range", string.Create(CultureInfo.InvariantCulture, $"{xMin:R} {xMax:R}")));
        image.Text.Add(new("Y range", string.Create(CultureInfo.InvariantCulture, $"{yMin:R} {yMax:R}")));
        return image;
    }

    /// <summary>Min and max of the finite points (both coordinates finite), widened when flat.</summary>
    private static (double Min, double Max) Range(ReadOnlySpan<double> values, ReadOnlySpan<double> other, double padding)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsFinite(values[i]) && double.IsFinite(other[i]))
            {
                min = Math.Min(min, values[i]);
                max = Math.Max(max, values[i]);
            }
        }

        if (min > max)
        {
            return (0, 1);
        }

        if (min == max)
        {
            var half = min == 0 ? 1 : Math.Abs(min) * 0.5;
            return (min - half, max + half);
        }

        var pad = (max - min) * padding;
        return (min - pad, max + pad);
    }

    /// <summary>Bresenham, clipped to the canvas.</summary>
    private void DrawLine(byte[] canvas, int x0, int y0, int x1, int y1, int rgb)
    {
        int dx = Math.Abs(x1 - x0), sx = x0 < x1 ? 1 : -1;
        int dy = -Math.Abs(y1 - y0), sy = y0 < y1 ? 1 : -1;
        var error = dx + dy;
        while (true)
        {
            if (x0 >= 0 && x0 < Width && y0 >= 0 && y0 < Height)
            {
                var i = ((y0 * Width) + x0) * 3;
                canvas[i] = (byte)(rgb >> 16);
                canvas[i + 1] = (byte)(rgb >> 8);
                canvas[i + 2] = (byte)rgb;
            }

            if (x0 == x1 && y0 == y1)
            {
                return;
            }

            var e2 = 2 * error;
            if (e2 >= dy)
            {
                error += dy;
                x0 += sx;
            }

            if (e2 <= dx)
            {
                error += dx;
                y0 += sy;
            }
        }
    }
}
