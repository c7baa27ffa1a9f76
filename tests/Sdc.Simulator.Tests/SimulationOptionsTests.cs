namespace Sdc.Simulator.Tests;

public class SimulationOptionsTests
{
    [Theory]
    [InlineData("all", new[] { "exi", "emr", "emu" })]
    [InlineData("emu,exi", new[] { "exi", "emu" })]
    [InlineData(" emr ", new[] { "emr" })]
    public void ParseInstruments_Names_ReturnsThemInMissionOrder(string text, string[] expected)
    {
        Assert.Equal(expected, SimulationOptions.ParseInstruments(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sc")]
    [InlineData("exi,nope")]
    public void ParseInstruments_Unknown_Throws(string text)
    {
        Assert.Throws<ArgumentException>(() => SimulationOptions.ParseInstruments(text));
    }

    [Fact]
    public void Windows_FourSixHourOrbits_TileTheDay()
    {
        var options = new SimulationOptions(["exi"], new DateTime(2021, 2, 24, 0, 0, 0, DateTimeKind.Utc), 4, "out") { FirstOrbit = 10 };

        var windows = options.Windows();

        Assert.Equal([10, 11, 12, 13], windows.Select(w => w.Orbit));
        Assert.Equal(options.Start, windows[0].Start);
        Assert.Equal(options.End, windows[^1].End);
        Assert.All(windows.Zip(windows.Skip(1)), p => Assert.Equal(p.First.End, p.Second.Start));
    }

    [Fact]
    public async Task RunAsync_StartBeforePacketEpoch_IsRejected()
    {
        var options = new SimulationOptions(["exi"], new DateTime(1999, 1, 1, 0, 0, 0, DateTimeKind.Utc), 1, "unused");

        await Assert.ThrowsAsync<ArgumentException>(() => SmallRuns.RunAsync(options));
    }
}
