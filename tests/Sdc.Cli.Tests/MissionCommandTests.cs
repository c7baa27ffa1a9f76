namespace Sdc.Cli.Tests;

public sealed class MissionCommandTests
{
    [Fact]
    public async Task MissionCheck_RepositoryMission_ExitsZeroAndSaysValid()
    {
        using var dir = new TempDirectory();

        var result = await SdcProcess.RunAsync(dir.Path, null, "mission", "check");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("is valid", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("sdc/exi-processor", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissionCheck_BrokenCopy_ExitsTwoWithLineNumberedMessage()
    {
        using var dir = new TempDirectory();
        var yaml = await File.ReadAllTextAsync(Path.Combine(SdcProcess.RepositoryRoot, "mission.yaml"));
        var broken = yaml.Replace("    timeoutSeconds: 900\n    retryAttempts: 2\n    steps:\n      - { from: l0, produces: [l1], kernels: [lsk, sclk, spk, ck] }\n      - { from: l1, produces: [l2, ql], calibration: [rad, ils] }",
            "    timeoutSeconds: soon\n    retryAttempts: 2\n    steps:\n      - { from: l0, produces: [l1], kernels: [lsk, sclk, spk, ck] }\n      - { from: l1, produces: [l2, ql], calibration: [rad, ils] }", StringComparison.Ordinal);
        Assert.NotEqual(yaml, broken);
        var path = Path.Combine(dir.Path, "broken.yaml");
        await File.WriteAllTextAsync(path, broken);
        var line = broken[..broken.IndexOf("timeoutSeconds: soon", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var result = await SdcProcess.RunAsync(dir.Path, null, "mission", "check", path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"broken.yaml:{line}:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("processors.emr.timeoutSeconds", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissionName_ValidAndInvalidNames_ShowsFieldsAndReason()
    {
        using var dir = new TempDirectory();

        var result = await SdcProcess.RunAsync(dir.Path, null, "mission", "name",
            "emm_exi_l2_20210224T095615_0011_f635_v03-01.fits", "emm_exi_l2_20210224T095615_11_f635_v03-01.fits");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("descriptor=f635", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("orbit number", result.Stdout, StringComparison.Ordinal);
    }
}
