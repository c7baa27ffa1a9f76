using Sdc.Formats.Fits;

namespace Sdc.Processors.Emr.Calibration;

/// <summary>
/// The ils calibration file: BINTABLE ILS with WAVENUMBER and FWHM (cm⁻¹) of the unapodised
/// instrument line shape. With an apodization, the line widens by the ratio of its line width to the
/// boxcar's (<see cref="Spectral.Apodization.LineWidth"/>).
/// </summary>
public sealed class LineShape
{
    private readonly double[] _wavenumbers;
    private readonly double[] _fwhm;

    private LineShape(double[] wavenumbers, double[] fwhm)
    {
        _wavenumbers = wavenumbers;
        _fwhm = fwhm;
    }

    public static LineShape Load(string path, string name)
    {
        try
        {
            var table = FitsFile.Load(path).Get<BinaryTableHdu>("ILS");
            var wavenumbers = table["WAVENUMBER"].GetValues<double>();
            var fwhm = table["FWHM"].GetValues<double>();
            if (wavenumbers.Length == 0 || wavenumbers.Length != fwhm.Length || fwhm.Any(f => !(f > 0)))
            {
                throw new BadInputException(EmrMessages.BadCalibration, $"{name}: ILS table: expected rows of WAVENUMBER and a positive FWHM", name);
            }

            return new LineShape(wavenumbers, fwhm);
        }
        catch (FitsFormatException e)
        {
            throw new BadInputException(EmrMessages.BadCalibration, $"{name}: not a readable FITS file: {e.Message}", name, e.Offset);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidCastException or IOException)
        {
            throw new BadInputException(EmrMessages.BadCalibration, $"{name}: {e.Message}", name);
        }
    }

    /// <summary>Unapodised FWHM at <paramref name="wavenumber"/>, cm⁻¹ (the nearest row's).</summary>
    public double FullWidthAt(double wavenumber)
    {
        var best = 0;
        for (var i = 1; i < _wavenumbers.Length; i++)
        {
            if (Math.Abs(_wavenumbers[i] - wavenumber) < Math.Abs(_wavenumbers[best] - wavenumber))
            {
                best = i;
            }
        }

        return _fwhm[best];
    }
}
