namespace Sdc.Processors.Exi.Level2;

/// <summary>
/// Inverts the EXI detector model (Sdc.Instruments ExiTruth): DN = bias + dark·t + flat·S·t/gain,
/// so the incoming signal is S = (DN − bias − dark·t) / flat × gain / t, in electrons per second.
/// </summary>
public static class ExiRadiometry
{
    /// <summary>
    /// Calibrates one image. Pixels flagged MISSING, or whose flat is below
    /// <see cref="ExiSettings.MinimumFlat"/>, become NaN; saturated and hot pixels keep their value
    /// and get their flag.
    /// </summary>
    public static ExiCalibratedImage Calibrate(ReadOnlySpan<ushort> dn, ReadOnlySpan<byte> quality, double exposureSeconds, ExiFilterCalibration calibration, ExiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(settings);
        if (dn.Length != calibration.Dark.Length || dn.Length != calibration.Flat.Length || quality.Length != dn.Length)
        {
            throw new ArgumentException($"{dn.Length} pixels, {quality.Length} flags, {calibration.Dark.Length} dark and {calibration.Flat.Length} flat values: sizes must agree.", nameof(dn));
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exposureSeconds);
        var signal = new float[dn.Length];
        var flags = quality.ToArray();
        var hotLimit = settings.HotPixelFactor * calibration.MedianDark;
        var scale = calibration.Gain / exposureSeconds;
        int missing = 0, saturated = 0, hot = 0, badFlat = 0;
        for (var i = 0; i < signal.Length; i++)
        {
            double dark = calibration.Dark[i], flat = calibration.Flat[i];
            var flag = (ExiPixelQuality)flags[i];
            if (dn[i] >= settings.SaturationDn && (flag & ExiPixelQuality.Missing) == 0)
            {
                flag |= ExiPixelQuality.Saturated;
            }
            if (dark > hotLimit)
            {
                flag |= ExiPixelQuality.HotPixel;
            }
            if (!(flat >= settings.MinimumFlat))
            {
                flag |= ExiPixelQuality.BadFlat;
            }
            signal[i] = (flag & (ExiPixelQuality.Missing | ExiPixelQuality.BadFlat)) != 0
                ? float.NaN
                : (float)((dn[i] - calibration.Bias - (dark * exposureSeconds)) / flat * scale);
            flags[i] = (byte)flag;
            missing += (flag & ExiPixelQuality.Missing) != 0 ? 1 : 0;
            saturated += (flag & ExiPixelQuality.Saturated) != 0 ? 1 : 0;
            hot += (flag & ExiPixelQuality.HotPixel) != 0 ? 1 : 0;
            badFlat += (flag & ExiPixelQuality.BadFlat) != 0 ? 1 : 0;
        }
        return new ExiCalibratedImage(signal, flags, missing, saturated, hot, badFlat);
    }
}
