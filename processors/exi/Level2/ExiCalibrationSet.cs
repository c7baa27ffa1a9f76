using Sdc.Formats.Fits;
using Sdc.Instruments;
using Sdc.Products;

namespace Sdc.Processors.Exi.Level2;

/// <summary>
/// The job's calibration files (dark, flat, gain, as the simulator writes them), chosen per image:
/// for each kind, the file valid latest on or before the image's date (mission.yaml: calibration
/// files are valid from their date on). Each file is read once.
/// </summary>
public sealed class ExiCalibrationSet
{
    public const string Dark = "dark";
    public const string Flat = "flat";
    public const string Gain = "gain";

    private readonly ProcessingContext _context;
    private readonly Dictionary<string, List<Candidate>> _byKind;
    private readonly Dictionary<string, FitsFile> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<(ExiFilter, string, string, string), ExiFilterCalibration> _calibrations = [];

    private ExiCalibrationSet(ProcessingContext context, Dictionary<string, List<Candidate>> byKind)
    {
        _context = context;
        _byKind = byKind;
    }

    /// <summary>Sorts the job's calibration files by kind: the job's <c>type</c>, else the descriptor in the file's name.</summary>
    public static ExiCalibrationSet FromJob(ProcessingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var byKind = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        foreach (var file in context.Job.Calibration)
        {
            var parsed = ProductMission.Current.TryParseFileName(file.Name, out var name, out _) ? name : null;
            var kind = file.Type ?? parsed?.Descriptor
                ?? throw new BadInputException(ExiMessages.BadCalibration, $"{file.Name}: neither the job's 'type' nor the file name says which calibration this is (dark, flat or gain)", file.Name);
            if (kind is not (Dark or Flat or Gain))
            {
                throw new BadInputException(ExiMessages.BadCalibration, $"{file.Name}: calibration '{kind}' is not one EXI uses (dark, flat, gain)", file.Name);
            }
            if (!byKind.TryGetValue(kind, out var list))
            {
                byKind[kind] = list = [];
            }
            list.Add(new Candidate(file, parsed?.ValidFrom ?? DateOnly.MinValue, parsed?.Version is { } v ? (v.Major * 100) + v.Minor : 0));
        }
        return new ExiCalibrationSet(context, byKind);
    }

    /// <summary>The calibration of <paramref name="filter"/> valid at <paramref name="time"/> for a width×height image.</summary>
    /// <exception cref="BadInputException">A kind is missing or not yet valid, or a file lacks the filter or has another size (EXI-E004).</exception>
    public async Task<ExiFilterCalibration> ForAsync(ExiFilter filter, DateTime time, int width, int height, CancellationToken cancellationToken)
    {
        var dark = Choose(Dark, time);
        var flat = Choose(Flat, time);
        var gain = Choose(Gain, time);
        if (_calibrations.TryGetValue((filter, dark.Name, flat.Name, gain.Name), out var known))
        {
            return known.Width == width && known.Height == height
                ? known
                : throw Bad(dark, $"is {known.Width}x{known.Height}, the image {width}x{height}");
        }
        var extension = filter.Descriptor().ToUpperInvariant();
        var darkPixels = ImagePixels(await LoadAsync(dark, cancellationToken), dark, extension, width, height);
        var flatPixels = ImagePixels(await LoadAsync(flat, cancellationToken), flat, extension, width, height);
        var (gainValue, bias) = GainRow(await LoadAsync(gain, cancellationToken), gain, filter);
        var calibration = new ExiFilterCalibration(filter, width, height, darkPixels, flatPixels, gainValue, bias, dark.Name, flat.Name, gain.Name);
        _calibrations[(filter, dark.Name, flat.Name, gain.Name)] = calibration;
        return calibration;
    }

    private JobFile Choose(string kind, DateTime time)
    {
        if (!_byKind.TryGetValue(kind, out var candidates))
        {
            throw new BadInputException(ExiMessages.BadCalibration, $"job: no '{kind}' calibration file among the job's calibration files (EXI needs dark, flat and gain)");
        }
        var date = DateOnly.FromDateTime(time);
        return candidates.Where(c => c.ValidFrom <= date).OrderBy(c => c.ValidFrom).ThenBy(c => c.Version).LastOrDefault()?.File
            ?? throw new BadInputException(ExiMessages.BadCalibration,
                $"job: no '{kind}' calibration valid on {date:yyyy-MM-dd} (the earliest is valid from {candidates.Min(c => c.ValidFrom):yyyy-MM-dd})");
    }

    private async Task<FitsFile> LoadAsync(JobFile file, CancellationToken cancellationToken)
    {
        if (_files.TryGetValue(file.Name, out var loaded))
        {
            return loaded;
        }
        try
        {
            loaded = await FitsFile.LoadAsync(_context.InputPath(file), cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is FitsFormatException or FitsChecksumException or IOException)
        {
            throw Bad(file, $"cannot be read as FITS: {e.Message}");
        }
        _files[file.Name] = loaded;
        return loaded;
    }

    private static float[] ImagePixels(FitsFile file, JobFile source, string extension, int width, int height)
    {
        ImageHdu hdu;
        try
        {
            hdu = file.Get<ImageHdu>(extension);
        }
        catch (KeyNotFoundException e)
        {
            throw Bad(source, e.Message);
        }
        if (hdu.Axes.Count != 2 || hdu.Axes[0] != width || hdu.Axes[1] != height)
        {
            throw Bad(source, $"extension {extension} is {string.Join("x", hdu.Axes)}, the image {width}x{height}");
        }
        return hdu.Pixels as float[] ?? [.. hdu.GetPhysicalValues().Select(v => (float)v)];
    }

    private static (double Gain, double Bias) GainRow(FitsFile file, JobFile source, ExiFilter filter)
    {
        try
        {
            var table = file.Get<BinaryTableHdu>("GAIN");
            var filters = table["FILTER"].GetValues<string>();
            var row = Array.FindIndex(filters, f => string.Equals(f.Trim(), filter.Descriptor(), StringComparison.OrdinalIgnoreCase));
            if (row < 0)
            {
                throw Bad(source, $"the GAIN table has no row for {filter.Descriptor()}");
            }
            var gain = Number(table["GAIN"], row);
            var bias = Number(table["BIAS"], row);
            return gain > 0 && double.IsFinite(bias) ? (gain, bias) : throw Bad(source, $"{filter.Descriptor()}: gain {gain}, bias {bias} are not usable");
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidCastException)
        {
            throw Bad(source, e.Message);
        }
    }

    private static double Number(FitsColumn column, int row) => column.Values switch
    {
        double[] d => d[row * column.Repeat],
        float[] f => f[row * column.Repeat],
        int[] i => i[row * column.Repeat],
        short[] s => s[row * column.Repeat],
        long[] l => l[row * column.Repeat],
        _ => throw new InvalidCastException($"column {column.Name} ({column.Format}) is not numeric"),
    };

    private static BadInputException Bad(JobFile file, string problem) =>
        new(ExiMessages.BadCalibration, $"{file.Name}: {problem}", file.Name);

    private sealed record Candidate(JobFile File, DateOnly ValidFrom, int Version);
}
