namespace Sdc.Instruments;

/// <summary>
/// What EMUS sees and how its detector records it. Photons come from the <see cref="Lines"/> (each
/// a Gaussian of <see cref="LineFwhmNm"/> in wavelength) or, a <see cref="BackgroundFraction"/>
/// of them, uniformly from the whole detector. Wavelength maps linearly to column:
/// λ(x) = 100 + 70·(x + 0.5)/1024 nm. A line photon's row follows <see cref="SpatialProfile"/>
/// (a Gaussian centred on row 512). Each photon is then kept with probability
/// <see cref="Flat"/>(x, y)/<see cref="FlatMaximum"/>: the detector's flat field, which the flat
/// calibration file holds and a level-2 processor divides out.
/// </summary>
public static class EmusTruth
{
    public const int DetectorSize = 1024;

    public const double MinWavelengthNm = 100;

    public const double MaxWavelengthNm = 170;

    /// <summary>Dispersion, nm per column.</summary>
    public const double NmPerPixel = (MaxWavelengthNm - MinWavelengthNm) / DetectorSize;

    /// <summary>Spectral resolution: full width at half maximum of every line, nm.</summary>
    public const double LineFwhmNm = 1.3;

    /// <summary>Photons arriving per second before the flat field thins them.</summary>
    public const double PhotonsPerSecond = 500;

    public const double BackgroundFraction = 0.05;

    public const double SpatialCentreRow = 512;

    /// <summary>Standard deviation of the spatial profile, rows.</summary>
    public const double SpatialSigmaRows = 160;

    /// <summary>The largest value <see cref="Flat"/> takes.</summary>
    public const double FlatMaximum = 1.05;

    /// <summary>Grid-wire shadows: rows whose index mod this period falls in the shadow band.</summary>
    public const int ShadowPeriodRows = 128;

    public const int ShadowFirstRow = 60;

    public const int ShadowWidthRows = 4;

    /// <summary>Relative sensitivity inside a grid-wire shadow.</summary>
    public const double ShadowTransmission = 0.7;

    /// <summary>Relative intensities are shares of the line photons (they sum to 1). CO Fourth Positive bands at their (v′,v″) band heads.</summary>
    public static IReadOnlyList<EmissionLine> Lines { get; } =
    [
        new("H Lyman-beta", 102.57, 0.04),
        new("H Lyman-alpha", 121.57, 0.50),
        new("O I 130.4", 130.4, 0.20),
        new("O I 135.6", 135.6, 0.10),
        new("CO 4PG (1,0)", 151.0, 0.05),
        new("CO 4PG (0,0)", 154.4, 0.06),
        new("CO 4PG (0,1)", 159.7, 0.05),
    ];

    /// <summary>Wavelength at the centre of column x (fractional columns allowed), nm.</summary>
    public static double WavelengthAt(double x) => MinWavelengthNm + ((x + 0.5) * NmPerPixel);

    /// <summary>The (fractional) column whose centre sees <paramref name="wavelengthNm"/>.</summary>
    public static double ColumnOf(double wavelengthNm) => ((wavelengthNm - MinWavelengthNm) / NmPerPixel) - 0.5;

    /// <summary>Relative brightness of row y for line photons (1 at the centre row).</summary>
    public static double SpatialProfile(double y)
    {
        var d = (y - SpatialCentreRow) / SpatialSigmaRows;
        return Math.Exp(-0.5 * d * d);
    }

    /// <summary>
    /// Relative sensitivity of pixel (x, y): a 10 % fall-off towards the top and bottom edges,
    /// a 5 % ripple along the spectral axis (period 37 columns), and grid-wire shadows.
    /// </summary>
    public static double Flat(int x, int y)
    {
        var edge = (y - (DetectorSize / 2.0)) / (DetectorSize / 2.0);
        var value = (1 - (0.1 * edge * edge)) * (1 + (0.05 * Math.Sin(2 * Math.PI * x / 37.0)));
        var inShadow = (y % ShadowPeriodRows) - ShadowFirstRow is >= 0 and < ShadowWidthRows;
        return inShadow ? value * ShadowTransmission : value;
    }
}
