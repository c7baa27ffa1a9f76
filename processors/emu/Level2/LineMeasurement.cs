namespace Sdc.Processors.Emu.Level2;

/// <summary>
/// A reference line as measured in the L2 spectrum: fitted centre and its 1σ error (nm), the FWHM
/// shared by all lines (nm), integrated flux and error (count/s), and the line's share of the
/// summed flux of all measured lines. NaN when the line could not be measured.
/// </summary>
public sealed record LineMeasurement(
    string Name,
    double ReferenceNm,
    double CentreNm,
    double CentreErrorNm,
    double FwhmNm,
    double Flux,
    double FluxError,
    double RelativeFlux)
{
    public bool IsMeasured => double.IsFinite(CentreNm);
}
