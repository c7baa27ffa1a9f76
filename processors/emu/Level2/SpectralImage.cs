using Sdc.Processors.Emu.Level1;

namespace Sdc.Processors.Emu.Level2;

/// <summary>
/// The flat-fielded spectral image of an event list: each event of a complete frame adds
/// 1 / flat(x, y) to its pixel (x, y ÷ binning), and the sums are divided by the exposure (the
/// summed durations of the complete frames), giving count/s. <see cref="Error"/> is the Poisson
/// 1σ (√Σ 1/flat² ÷ exposure). Pixels whose bin holds a dead detector pixel (flat below the
/// minimum, or not finite) are NaN and their events are counted in <see cref="DeadEvents"/>.
/// The spectrum sums the image over the spatial axis (NaN bins left out).
/// </summary>
internal sealed class SpectralImage
{
    public const int Columns = FlatField.Size;

    private SpectralImage(int rows, int binning)
    {
        Rows = rows;
        Binning = binning;
        Rate = new float[Columns * rows];
        Error = new float[Columns * rows];
        Flux = new double[Columns];
        FluxError = new double[Columns];
        Counts = new int[Columns];
    }

    public int Rows { get; }

    public int Binning { get; }

    /// <summary>count/s per pixel, x fastest: [row × 1024 + x].</summary>
    public float[] Rate { get; }

    public float[] Error { get; }

    /// <summary>count/s per column, summed over rows.</summary>
    public double[] Flux { get; }

    public double[] FluxError { get; }

    /// <summary>Events per column (before the flat, dead pixels excluded).</summary>
    public int[] Counts { get; }

    public double ExposureSeconds { get; private set; }

    public int FramesUsed { get; private set; }

    public long EventsUsed { get; private set; }

    /// <summary>Events of incomplete frames, left out.</summary>
    public long EventsOfIncompleteFrames { get; private set; }

    public long DeadEvents { get; private set; }

    public static SpectralImage Make(EmusLevel1 events, FlatField flat, int binning, double flatMinimum)
    {
        var rows = FlatField.Size / binning;
        var image = new SpectralImage(rows, binning);
        var complete = events.Frames.Where(f => f.IsComplete).ToList();
        var use = complete.Select(f => f.Id).ToHashSet();
        image.FramesUsed = complete.Count;
        image.ExposureSeconds = complete.Sum(f => f.DurationSeconds);

        var dead = new bool[Columns * rows];
        for (var y = 0; y < FlatField.Size; y++)
        {
            for (var x = 0; x < Columns; x++)
            {
                var value = flat.Values[(y * Columns) + x];
                if (!double.IsFinite(value) || value < flatMinimum || value <= 0)
                {
                    dead[((y / binning) * Columns) + x] = true;
                }
            }
        }

        var sum = new double[Columns * rows];
        var sumSquares = new double[Columns * rows];
        var list = events.Events;
        for (var i = 0; i < list.Count; i++)
        {
            if (!use.Contains(list.Frame[i]))
            {
                image.EventsOfIncompleteFrames++;
                continue;
            }
            int x = list.X[i], y = list.Y[i];
            if ((uint)x >= Columns || (uint)y >= FlatField.Size)
            {
                throw new FormatException($"EVENTS row {i}: pixel ({x}, {y}) is off the {Columns}x{FlatField.Size} detector");
            }
            var pixel = ((y / binning) * Columns) + x;
            if (dead[pixel])
            {
                image.DeadEvents++;
                continue;
            }
            var weight = 1 / flat.Values[(y * Columns) + x];
            sum[pixel] += weight;
            sumSquares[pixel] += weight * weight;
            image.Counts[x]++;
            image.EventsUsed++;
        }

        var exposure = image.ExposureSeconds;
        for (var pixel = 0; pixel < sum.Length; pixel++)
        {
            var x = pixel % Columns;
            if (dead[pixel])
            {
                image.Rate[pixel] = float.NaN;
                image.Error[pixel] = float.NaN;
                continue;
            }
            image.Rate[pixel] = (float)(sum[pixel] / exposure);
            image.Error[pixel] = (float)(Math.Sqrt(sumSquares[pixel]) / exposure);
            image.Flux[x] += sum[pixel] / exposure;
            image.FluxError[x] += sumSquares[pixel];
        }
        for (var x = 0; x < Columns; x++)
        {
            image.FluxError[x] = Math.Sqrt(image.FluxError[x]) / exposure;
        }
        return image;
    }
}
