namespace Sdc.Instruments;

/// <summary>
/// An absorption band planted in the EMIRS spectrum: the radiance at <see cref="CentreWavenumber"/>
/// is (1 − <see cref="Depth"/>) times the continuum, with a Gaussian profile of full width at half
/// maximum <see cref="FullWidth"/> (cm⁻¹).
/// </summary>
public sealed record AbsorptionBand(string Name, double CentreWavenumber, double Depth, double FullWidth)
{
    /// <summary>This band's transmission at <paramref name="wavenumber"/>: 1 − depth·profile.</summary>
    public double Transmission(double wavenumber)
    {
        var d = (wavenumber - CentreWavenumber) / FullWidth;
        return 1 - (Depth * Math.Exp(-4 * Math.Log(2) * d * d));
    }
}
