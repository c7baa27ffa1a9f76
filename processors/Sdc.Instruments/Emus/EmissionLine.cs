namespace Sdc.Instruments;

/// <summary>An emission line (or band) planted in EMUS spectra: wavelength in nm and share of the line photons.</summary>
public sealed record EmissionLine(string Name, double WavelengthNm, double RelativeIntensity);
