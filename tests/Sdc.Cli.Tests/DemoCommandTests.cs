namespace Sdc.Cli.Tests;

public sealed class DemoCommandTests
{
    /// <summary>The README's main command: a simulated day from Level 0 to Level 2 and quicklooks, every job OK.</summary>
    [Fact]
    public async Task Demo_NoServe_FinishesWithEveryJobOkAndASummary()
    {
        using var dir = new TempDirectory();

        var result = await SdcProcess.RunAsync(dir.Path, null, "demo", "--no-serve", "--data", Path.Combine(dir.Path, "d"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"│ OK +│ 24 +│", result.Stdout);
        Assert.DoesNotContain("ERROR", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"│ exi +│ l2 +│ 24 +│", result.Stdout);
        Assert.Contains("ingest to last product indexed", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"run 1 emm_moc_\S+: OK — 24 OK", result.Stdout);
        Assert.True(File.Exists(Path.Combine(dir.Path, "d", "demo", "catalog.db")));

        var runs = await SdcProcess.RunAsync(dir.Path, null, "runs", "--data", Path.Combine(dir.Path, "d", "demo"));
        var show = await SdcProcess.RunAsync(dir.Path, null, "runs", "show", "1", "--data", Path.Combine(dir.Path, "d", "demo"));
        var missing = await SdcProcess.RunAsync(dir.Path, null, "runs", "show", "99", "--data", Path.Combine(dir.Path, "d", "demo"));

        Assert.Matches(@"│ 1 +│ emm_moc_\S+ +│ delivery │ OK +│", runs.Stdout);
        Assert.Equal(24, System.Text.RegularExpressions.Regex.Count(show.Stdout, @"│ (exi|emr|emu) +│ stage [01] → (l1|l2) +│ production │ OK +│ 1 +│ 0 +│"));
        Assert.Contains("log: products:jobs/", show.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("No run '99'", missing.Stderr, StringComparison.Ordinal);
    }
}
