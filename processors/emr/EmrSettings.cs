using Sdc.Processors.Emr.Spectral;

namespace Sdc.Processors.Emr;

/// <summary>
/// emr.yaml, typed. Wavenumber limits left out come from the rad calibration file (SIGMAMIN,
/// SIGMAMAX); NaN stands for "not set".
/// </summary>
public sealed record EmrSettings(
    ApodizationFunction Apodization,
    double MinWavenumber,
    double MaxWavenumber,
    double MinDetectorTemperatureK,
    double MaxDetectorTemperatureK,
    int QuicklookWidth,
    int QuicklookHeight)
{
    public static EmrSettings From(ProcessorConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var name = config.GetString("apodization.function", "hann");
        if (!Spectral.Apodization.TryParse(name, out var apodization))
        {
            throw new BadInputException(SdkMessages.BadConfig,
                $"{config.Source}: setting 'apodization.function' is '{name}'; expected one of {string.Join(", ", Spectral.Apodization.Names)}", config.Source);
        }

        var settings = new EmrSettings(
            apodization,
            config.GetDouble("spectrum.minWavenumber", double.NaN, 0, 100_000),
            config.GetDouble("spectrum.maxWavenumber", double.NaN, 0, 100_000),
            config.GetDouble("quality.detectorTemperature.min", 295, 0, 1000),
            config.GetDouble("quality.detectorTemperature.max", 305, 0, 1000),
            config.GetInt("quicklook.width", 800, 100, 4000),
            config.GetInt("quicklook.height", 400, 100, 4000));
        if (settings.MinWavenumber >= settings.MaxWavenumber)
        {
            throw new BadInputException(SdkMessages.BadConfig,
                $"{config.Source}: spectrum.minWavenumber ({settings.MinWavenumber}) must be below spectrum.maxWavenumber ({settings.MaxWavenumber})", config.Source);
        }

        if (settings.MinDetectorTemperatureK >= settings.MaxDetectorTemperatureK)
        {
            throw new BadInputException(SdkMessages.BadConfig,
                $"{config.Source}: quality.detectorTemperature.min must be below quality.detectorTemperature.max", config.Source);
        }

        return settings;
    }
}
