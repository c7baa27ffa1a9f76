using Sdc.Processing;

namespace Sdc.Processors.Emu;

/// <summary>The settings of emu.yaml (each with the default used when it is absent).</summary>
public sealed record EmuSettings(int SpatialBinning, double FlatMinimum, double LowPercentile, double HighPercentile)
{
    public static EmuSettings Default { get; } = new(8, 0.1, 0.5, 99.5);

    public static EmuSettings From(ProcessorConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var binning = config.GetInt("image.spatialBinning", Default.SpatialBinning, 1, 1024);
        if (1024 % binning != 0)
        {
            throw new BadInputException(SdkMessages.BadConfig,
                $"{config.Source}: setting 'image.spatialBinning' is {binning}; expected a power of two from 1 to 1024 (it must divide the 1024 detector rows)", config.Source);
        }
        var low = config.GetDouble("quicklook.lowPercentile", Default.LowPercentile, 0, 100);
        var high = config.GetDouble("quicklook.highPercentile", Default.HighPercentile, low, 100);
        return new EmuSettings(binning, config.GetDouble("flat.minimum", Default.FlatMinimum, 0, 1), low, high);
    }
}
