using Sdc.Processing;
using Sdc.Processors.Exi.Tests.Support;

namespace Sdc.Processors.Exi.Tests;

public sealed class ExiSettingsTests
{
    [Fact]
    public void From_ShippedExiYaml_GivesTheDefaults()
    {
        var settings = ExiSettings.From(ProcessorConfig.Load(Repository.PathOf("processors/exi/exi.yaml")));

        Assert.Equal(ExiSettings.Default, settings);
    }

    [Fact]
    public void From_ChangedValues_AreRead()
    {
        var settings = ExiSettings.From(ProcessorConfig.Parse("level2:\n  hotPixelFactor: 8\nquicklook:\n  lowPercentile: 2\n  highPercentile: 98\n", "test.yaml"));

        Assert.Equal(8, settings.HotPixelFactor);
        Assert.Equal((2.0, 98.0), (settings.StretchLowPercentile, settings.StretchHighPercentile));
        Assert.Equal(ExiSettings.Default.MinimumFlat, settings.MinimumFlat);
    }

    [Theory]
    [InlineData("level2:\n  saturationDn: 5000\n")]
    [InlineData("level2:\n  minimumFlat: nothing\n")]
    [InlineData("quicklook:\n  lowPercentile: 60\n  highPercentile: 40\n")]
    public void From_BadValue_IsAConfigurationErrorNamingTheFile(string yaml)
    {
        var error = Assert.Throws<BadInputException>(() => ExiSettings.From(ProcessorConfig.Parse(yaml, "bad.yaml")));

        Assert.Equal(SdkMessages.BadConfig, error.Code);
        Assert.Contains("bad.yaml", error.Message, StringComparison.Ordinal);
    }
}
