using Sdc.Formats.Fits;

namespace Sdc.Processors.Emu.Level2;

/// <summary>
/// The <c>wave</c> calibration: the wavelength of every detector column (BINTABLE WAVELENGTH:
/// COLUMN, WAVELENGTH in nm, strictly increasing), the reference lines (BINTABLE LINES: NAME,
/// WAVELENGTH, optional) and the line FWHM (keyword RESOL, nm, optional).
/// </summary>
internal sealed class WavelengthScale
{
    private WavelengthScale(double[] wavelengths, IReadOnlyList<ReferenceLine> lines, double? fwhm)
    {
        Wavelengths = wavelengths;
        Lines = lines;
        FwhmNm = fwhm;
    }

    /// <summary>Wavelength at the centre of column x, nm.</summary>
    public double[] Wavelengths { get; }

    public IReadOnlyList<ReferenceLine> Lines { get; }

    public double? FwhmNm { get; }

    /// <summary>Dispersion of the best straight line through the table, nm per column.</summary>
    public double Dispersion => (Wavelengths[^1] - Wavelengths[0]) / (Wavelengths.Length - 1);

    /// <summary>True when every column is within 1 % of a column of the straight line from the first to the last.</summary>
    public bool IsLinear => Wavelengths.Select((w, x) => Math.Abs(w - (Wavelengths[0] + (x * Dispersion)))).Max() <= 0.01 * Math.Abs(Dispersion);

    /// <exception cref="FormatException">The WAVELENGTH table is missing, incomplete or not increasing.</exception>
    public static WavelengthScale From(FitsFile file)
    {
        BinaryTableHdu table;
        try
        {
            table = file.Get<BinaryTableHdu>("WAVELENGTH");
        }
        catch (KeyNotFoundException e)
        {
            throw new FormatException(e.Message, e);
        }
        var columns = FitsColumns.Doubles(table, "COLUMN");
        var values = FitsColumns.Doubles(table, "WAVELENGTH");
        var wavelengths = new double[FlatField.Size];
        var seen = new bool[FlatField.Size];
        for (var i = 0; i < columns.Length; i++)
        {
            var x = columns[i];
            if (x != Math.Floor(x) || x is < 0 or >= FlatField.Size || seen[(int)x] || !double.IsFinite(values[i]))
            {
                throw new FormatException($"WAVELENGTH row {i}: column {x}, wavelength {values[i]}: expected each column 0-{FlatField.Size - 1} once, with a finite wavelength");
            }
            seen[(int)x] = true;
            wavelengths[(int)x] = values[i];
        }
        if (seen.Contains(false))
        {
            throw new FormatException($"WAVELENGTH gives no wavelength for column {Array.IndexOf(seen, false)}");
        }
        for (var x = 1; x < wavelengths.Length; x++)
        {
            if (!(wavelengths[x] > wavelengths[x - 1]))
            {
                throw new FormatException($"WAVELENGTH is not increasing at column {x} ({wavelengths[x - 1]} then {wavelengths[x]} nm)");
            }
        }
        double? fwhm = table.Header.TryGetDouble("RESOL", out var resolution) && resolution > 0 ? resolution : null;
        return new WavelengthScale(wavelengths, ReadLines(file), fwhm);
    }

    private static List<ReferenceLine> ReadLines(FitsFile file)
    {
        var table = file.Hdus.OfType<BinaryTableHdu>().FirstOrDefault(h => string.Equals(h.Name, "LINES", StringComparison.OrdinalIgnoreCase));
        if (table is null)
        {
            return [];
        }
        string[] names;
        try
        {
            names = table["NAME"].GetValues<string>();
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidCastException)
        {
            throw new FormatException($"LINES: {e.Message}", e);
        }
        var wavelengths = FitsColumns.Doubles(table, "WAVELENGTH");
        return [.. names.Select((n, i) => new ReferenceLine(n.TrimEnd(), wavelengths[i]))];
    }
}
