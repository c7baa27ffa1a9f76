namespace Sdc.Processors.Emr.Spectral;

/// <summary>
/// Apodization functions for a double-sided interferogram, as functions of the optical path
/// difference x from zero path difference, normalised to 1 there, over |x| ≤ L (half the scan).
/// Their spectral line shapes are in <see cref="Apodization.LineWidth"/>.
/// </summary>
public enum ApodizationFunction
{
    /// <summary>Boxcar: the sinc line shape, narrowest (FWHM 1.207/2L) and with −22 % side lobes.</summary>
    None,

    /// <summary>1 − |x|/L: sinc², no negative lobes.</summary>
    Triangle,

    /// <summary>cos²(πx/2L) = ½(1 + cos(πx/L)): the spectrum smoothed by ¼, ½, ¼ over neighbouring bins.</summary>
    Hann,

    /// <summary>0.54 + 0.46·cos(πx/L).</summary>
    HappGenzel,

    /// <summary>Norton–Beer weak (1976): Σ cᵢ(1 − (x/L)²)ⁱ with c = 0.384093, −0.087577, 0.703484.</summary>
    NortonBeerWeak,

    /// <summary>Norton–Beer medium: c = 0.152442, −0.136176, 0.983734.</summary>
    NortonBeerMedium,

    /// <summary>Norton–Beer strong: c = 0.045335, 0, 0.554883, 0, 0.399782.</summary>
    NortonBeerStrong,
}
