using Sdc.Processors.Exi.Level0;
using Sdc.Processors.Exi.Tests.Support;

namespace Sdc.Processors.Exi.Tests;

[Collection(ProcessorRunsDefinition.Name)]
public sealed class HousekeepingSeriesTests(ExiDeliveries deliveries)
{
    private static readonly DateTime OrbitStart = new(2021, 2, 24, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task DecodeAsync_SimulatedOrbit_ReadsASampleEvery16Seconds()
    {
        var series = await DecodeAsync();

        Assert.Equal(6 * 3600 / 16, series.Samples.Count);
        Assert.Equal(OrbitStart, series.Samples[0].Time);
        Assert.Equal(TimeSpan.FromSeconds(16), series.Samples[1].Time - series.Samples[0].Time);
        Assert.Empty(series.Gaps);
        Assert.All(series.Samples, s => Assert.Equal(Sdc.Instruments.InstrumentMode.Science, s.Record.ExiMode));
    }

    [Theory]
    [InlineData(100, 96)]
    [InlineData(105, 112)]
    [InlineData(104, 96)]
    public async Task Nearest_WithinReach_IsTheClosestSample(int secondsIn, int expectedSecond)
    {
        var series = await DecodeAsync();

        var nearest = series.Nearest(OrbitStart.AddSeconds(secondsIn), TimeSpan.FromSeconds(60));

        Assert.Equal(OrbitStart.AddSeconds(expectedSecond), nearest?.Time);
        Assert.Equal(Path.GetFileName(ExiDeliveries.Housekeeping(deliveries.Clean)), nearest?.Source);
    }

    [Fact]
    public async Task Nearest_OutOfReach_IsNull()
    {
        var series = await DecodeAsync();

        Assert.Null(series.Nearest(OrbitStart.AddHours(7), TimeSpan.FromSeconds(60)));
        Assert.Null(series.Nearest(OrbitStart.AddSeconds(-61), TimeSpan.FromSeconds(60)));
        Assert.NotNull(series.Nearest(OrbitStart.AddSeconds(-59), TimeSpan.FromSeconds(60)));
        Assert.Null(HousekeepingSeries.Empty.Nearest(OrbitStart, TimeSpan.FromDays(1)));
    }

    private async Task<HousekeepingSeries> DecodeAsync()
    {
        var path = ExiDeliveries.Housekeeping(deliveries.Clean);
        await using var stream = File.OpenRead(path);
        return await HousekeepingSeries.DecodeAsync(stream, Path.GetFileName(path));
    }
}
