namespace Sdc.Processors.Exi;

/// <summary>The processor's tunable values, read once from exi.yaml (or --config); every one has a default.</summary>
public sealed record ExiSettings
{
    public static ExiSettings Default { get; } = new();

    /// <summary>A housekeeping sample describes an image when it lies this close to mid-exposure.</summary>
    public TimeSpan HousekeepingMaxDistance { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Pixels whose dark current exceeds this multiple of the filter's median dark are flagged HOT.</summary>
    public double HotPixelFactor { get; init; } = 5;

    /// <summary>DN at or above which a pixel is flagged SATURATED (the 12-bit ceiling by default).</summary>
    public int SaturationDn { get; init; } = 4095;

    /// <summary>Flat-field values below this are not trusted: the L2 pixel is NaN and flagged BADFLAT.</summary>
    public double MinimumFlat { get; init; } = 0.2;

    /// <summary>Quicklook stretch: percentiles mapped to black and white.</summary>
    public double StretchLowPercentile { get; init; } = 0.5;

    public double StretchHighPercentile { get; init; } = 99.5;

    public static ExiSettings From(ProcessorConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var settings = new ExiSettings
        {
            HousekeepingMaxDistance = TimeSpan.FromSeconds(config.GetDouble("housekeeping.maxDistanceSeconds", Default.HousekeepingMaxDistance.TotalSeconds, 0, 86_400)),
            HotPixelFactor = config.GetDouble("level2.hotPixelFactor", Default.HotPixelFactor, 1, 1e6),
            SaturationDn = config.GetInt("level2.saturationDn", Default.SaturationDn, 1, 4095),
            MinimumFlat = config.GetDouble("level2.minimumFlat", Default.MinimumFlat, 1e-6, 1),
            StretchLowPercentile = config.GetDouble("quicklook.lowPercentile", Default.StretchLowPercentile, 0, 100),
            StretchHighPercentile = config.GetDouble("quicklook.highPercentile", Default.StretchHighPercentile, 0, 100),
        };
        return settings.StretchLowPercentile < settings.StretchHighPercentile
            ? settings
            : throw new BadInputException(SdkMessages.BadConfig,
                $"{config.Source}: quicklook.lowPercentile ({settings.StretchLowPercentile}) must be below quicklook.highPercentile ({settings.StretchHighPercentile})", config.Source);
    }
}
