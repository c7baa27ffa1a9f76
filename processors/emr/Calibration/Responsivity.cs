using Sdc.Formats.Fits;

namespace Sdc.Processors.Emr.Calibration;

/// <summary>
/// The rad calibration file: BINTABLE RESPONSIVITY with BIN, WAVENUMBER (cm⁻¹) and RESPONSIVITY
/// (counts per W m⁻² sr⁻¹ (cm⁻¹)⁻¹) for every FFT bin 0…N/2, and the science grid limits SIGMAMIN,
/// SIGMAMAX (cm⁻¹). Radiance = |spectrum| / responsivity, bin by bin.
/// </summary>
public sealed class Responsivity
{
    private Responsivity(string name, double[] wavenumbers, double[] values, double? gridMin, double? gridMax)
    {
        Name = name;
        Wavenumbers = wavenumbers;
        Values = values;
        GridMin = gridMin;
        GridMax = gridMax;
    }

    /// <summary>The file's name (for messages).</summary>
    public string Name { get; }

    /// <summary>Wavenumber of each bin, cm⁻¹.</summary>
    public IReadOnlyList<double> Wavenumbers { get; }

    /// <summary>Responsivity of each bin.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>N/2 + 1.</summary>
    public int Bins => Values.Count;

    /// <summary>Samples per scan these bins belong to.</summary>
    public int ScanLength => 2 * (Bins - 1);

    public double? GridMin { get; }

    public double? GridMax { get; }

    public static Responsivity Load(string path, string name)
    {
        BinaryTableHdu table;
        try
        {
            table = FitsFile.Load(path).Get<BinaryTableHdu>("RESPONSIVITY");
        }
        catch (FitsFormatException e)
        {
            throw new BadInputException(EmrMessages.BadCalibration, $"{name}: not a readable FITS file: {e.Message}", name, e.Offset);
        }
        catch (Exception e) when (e is KeyNotFoundException or IOException)
        {
            throw new BadInputException(EmrMessages.BadCalibration, $"{name}: {e.Message}", name);
        }

        var bins = Column<int>(table, "BIN", name);
        var wavenumbers = Column<double>(table, "WAVENUMBER", name);
        var values = Column<double>(table, "RESPONSIVITY", name);
        if (bins.Length < 5 || ((bins.Length - 1) & (bins.Length - 2)) != 0)
        {
            throw new BadInputException(EmrMessages.BadCalibration, $"{name}: {bins.Length} bins; expected N/2 + 1 for a power-of-two scan length N", name);
        }

        for (var k = 0; k < bins.Length; k++)
        {
            if (bins[k] != k || !double.IsFinite(wavenumbers[k]) || !double.IsFinite(values[k]) || values[k] < 0 || (k > 0 && wavenumbers[k] <= wavenumbers[k - 1]))
            {
                throw new BadInputException(EmrMessages.BadCalibration,
                    $"{name}: row {k + 1} (BIN {bins[k]}, WAVENUMBER {wavenumbers[k]}, RESPONSIVITY {values[k]}); expected bins 0, 1, 2… with rising wavenumbers and responsivities of 0 or more", name);
            }
        }

        return new Responsivity(name, wavenumbers, values,
            table.Header.TryGetDouble("SIGMAMIN", out var min) ? min : null,
            table.Header.TryGetDouble("SIGMAMAX", out var max) ? max : null);
    }

    private static T[] Column<T>(BinaryTableHdu table, string column, string name)
    {
        try
        {
            var found = table[column];
            return found.Repeat == 1 ? found.GetValues<T>() : throw new InvalidCastException($"column {column} has {found.Repeat} values per row; expected 1");
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidCastException)
        {
            throw new BadInputException(EmrMessages.BadCalibration, $"{name}: RESPONSIVITY table: {e.Message}", name);
        }
    }
}
