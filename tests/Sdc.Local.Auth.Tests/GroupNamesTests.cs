namespace Sdc.Local.Auth.Tests;

public sealed class GroupNamesTests
{
    private static readonly GroupNames Groups = new(["exi", "emr", "emu"]);

    [Fact]
    public void Accepted_EmmInstruments_AdminTeamAndOneItfGroupEach()
    {
        Assert.Equal(["admin", "team", "itf-emr", "itf-emu", "itf-exi"], Groups.Accepted);
    }

    [Fact]
    public void Validate_AcceptedGroups_DoesNotThrow()
    {
        Groups.Validate(["admin", "team", "itf-exi", "itf-emr", "itf-emu"]);
        Groups.Validate([]);
    }

    [Theory]
    [InlineData("itf-xyz")]
    [InlineData("Admin")]
    [InlineData("itf-")]
    [InlineData("itf-EXI")]
    [InlineData("teams")]
    [InlineData("")]
    public void Validate_BadGroup_ThrowsNamingItAndTheAcceptedForms(string bad)
    {
        var error = Assert.Throws<InvalidGroupException>(() => Groups.Validate(["team", bad]));

        Assert.Contains($"'{bad}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("admin, team, or itf-<instrument>", error.Message, StringComparison.Ordinal);
        Assert.Contains("emr, emu, exi", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("itf-exi", true, "exi")]
    [InlineData("itf-xyz", false, "")]
    [InlineData("team", false, "")]
    public void TryGetInstrument_Group_InstrumentOfItfGroupsOnly(string group, bool expected, string instrument)
    {
        Assert.Equal(expected, Groups.TryGetInstrument(group, out var actual));
        Assert.Equal(instrument, actual);
    }
}
