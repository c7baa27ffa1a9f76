namespace Sdc.Ccsds.Tests;

public class CucTimeTests
{
    [Fact]
    public void FromDateTime_Epoch_IsZero()
    {
        Assert.Equal(new CucTime(0, 0), CucTime.FromDateTime(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void FromDateTime_KnownTime_CountsSecondsWithoutLeapSeconds()
    {
        // 2021-02-24T09:56:15.5Z: 7725 days and 35775.5 s after the epoch, leap seconds ignored.
        var time = CucTime.FromDateTime(new DateTime(2021, 2, 24, 9, 56, 15, 500, DateTimeKind.Utc));

        Assert.Equal((uint)((7725 * 86400) + 35775), time.Coarse);
        Assert.Equal(32768, time.Fine);
    }

    [Fact]
    public void Write_KnownTime_IsBigEndianCoarseThenFine()
    {
        var bytes = new byte[6];

        new CucTime(0x01020304, 0xA0B0).Write(bytes);

        Assert.Equal(new byte[] { 1, 2, 3, 4, 0xA0, 0xB0 }, bytes);
        Assert.Equal(new CucTime(0x01020304, 0xA0B0), CucTime.Read(bytes));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(152L)]
    [InlineData(9_999_999L)]
    [InlineData(664_000_000_1234567L)]
    public void ToDateTime_FromAnyFineUnit_RoundTripsExactly(long ticksAfterEpoch)
    {
        var time = CucTime.FromDateTime(CucTime.Epoch.AddTicks(ticksAfterEpoch));

        Assert.Equal(time, CucTime.FromDateTime(time.ToDateTime()));
        Assert.True(Math.Abs((time.ToDateTime() - CucTime.Epoch.AddTicks(ticksAfterEpoch)).Ticks) <= 77, "within half a fine unit");
    }

    [Fact]
    public void FromDateTime_JustBeforeWholeSecond_CarriesIntoCoarse()
    {
        var time = CucTime.FromDateTime(CucTime.Epoch.AddSeconds(10).AddTicks(-1));

        Assert.Equal(new CucTime(10, 0), time);
    }

    [Fact]
    public void FromDateTime_BeforeEpoch_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CucTime.FromDateTime(new DateTime(1999, 12, 31, 23, 59, 59, DateTimeKind.Utc)));
    }

    [Fact]
    public void PField_DescribesAgencyEpochFourCoarseTwoFine()
    {
        Assert.Equal(0x1E, CucTime.PField);
    }
}
