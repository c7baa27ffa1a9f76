namespace Sdc.Local.Batch.Tests;

public sealed class ProcessorOutputTests
{
    [Fact]
    public void ParseMessage_MessageLineAsMessageLogWritesIt_AllFields()
    {
        var message = ProcessorOutput.ParseMessage(
            """{"type":"message","severity":"error","code":"EXI-E001","text":"packet length runs past the end","file":"emm_exi_l0.dat","offset":123456789012,"time":"2021-02-24T06:00:00.0000000+00:00"}""");

        Assert.Equal(new ProcessorMessage("error", "EXI-E001", "packet length runs past the end", "emm_exi_l0.dat", 123456789012), message);
    }

    [Theory]
    [InlineData("""{"type":"start","processor":"exi","version":"1.0.0","job":null}""")]
    [InlineData("""{"type":"end","status":"ok","exitCode":0}""")]
    [InlineData("""{"type":"message","severity":"info","code":"X-I001"}""")]
    [InlineData("""{"type":"message","severity":"info","code":7,"text":"t"}""")]
    [InlineData("""{"type":"message","severity":"info","code":"X-I001","text":"t""")]
    [InlineData("""["type","message"]""")]
    [InlineData("Building exi-processor...")]
    [InlineData("")]
    public void ParseMessage_NotAMessage_Null(string line) => Assert.Null(ProcessorOutput.ParseMessage(line));

    [Fact]
    public void ParseMessage_OffsetNotANumber_MessageWithoutOffset()
    {
        var message = ProcessorOutput.ParseMessage("""{"type":"message","severity":"warning","code":"X-W001","text":"t","offset":"12"}""");

        Assert.Equal(new ProcessorMessage("warning", "X-W001", "t", null, null), message);
    }
}
