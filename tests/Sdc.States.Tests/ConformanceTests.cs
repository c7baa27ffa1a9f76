namespace Sdc.States.Tests;

/// <summary>
/// Every execution in ../shared/asl-conformance/ (recorded on real AWS Step Functions, or stated by
/// the ASL specification) must end exactly as recorded: same output, or same error name.
/// </summary>
public sealed class ConformanceTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in ConformanceCase.All())
        {
            data.Add(c.File);
        }
        return data;
    }

    [Fact]
    public void Cases_AllSixtyOnePresent()
    {
        Assert.Equal(61, ConformanceCase.All().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Run_ConformanceCase_MatchesRecordedOutcome(string file)
    {
        var @case = ConformanceCase.All().Single(c => c.File == file);

        await CaseRunner.RunAsync(@case.Json, file);
    }
}
