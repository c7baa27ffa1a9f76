namespace Sdc.Mission.Tests;

public sealed class MissionLoaderTests
{
    private static readonly string Yaml = File.ReadAllText(RepositoryFiles.MissionYaml);

    [Fact]
    public void LoadFile_RepositoryMission_DescribesEmm()
    {
        var mission = MissionLoader.LoadFile(RepositoryFiles.MissionYaml);

        Assert.Equal("emm", mission.Id);
        Assert.Equal(["l0", "l1", "l2", "ql", "l3"], mission.Levels.Select(l => l.Id));
        Assert.Equal(["exi", "emr", "emu", "sc"], mission.Instruments.Select(i => i.Id));
        Assert.Equal(["spk", "ck", "sclk", "lsk", "fk", "pck"], mission.Kernels.Select(k => k.Id));
        Assert.Equal("ck", mission.KernelForExtension("bc")?.Id);
        Assert.Equal(["exi", "emr", "emu"], mission.Processors.Select(p => p.Instrument));
    }

    [Fact]
    public void LoadFile_RepositoryMission_ExiDependenciesFollowTheDesign()
    {
        var exi = MissionLoader.LoadFile(RepositoryFiles.MissionYaml).FindProcessor("exi")!;

        Assert.Equal("sdc/exi-processor", exi.Image);
        Assert.True(exi.TimeoutSeconds > 0 && exi.MemoryMiB > 0 && exi.Vcpu > 0);
        var l1 = exi.StepFrom("l0")!;
        Assert.Equal(["l1"], l1.Produces);
        Assert.Contains("spk", l1.Kernels);
        var l2 = exi.StepFrom("l1")!;
        Assert.Equal(["l2", "ql"], l2.Produces);
        Assert.Equal(["dark", "flat", "gain"], l2.Calibration);
        Assert.Null(exi.StepFrom("l2"));
    }

    public static TheoryData<string, string, string, string> BrokenCopies => new()
    {
        // description, text to replace (first occurrence), replacement, expected "line:column: path" prefix or message part
        { "wrong type", "    vcpu: 1\n", "    vcpu: two\n", "processors.exi.vcpu: expected a number" },
        { "misspelt key", "    timeoutSeconds: 900\n", "    timeoutSecs: 900\n", "processors.exi.timeoutSecs: unknown setting" },
        { "missing key", "    image: sdc/emr-processor\n", "", "processors.emr.image: is missing" },
        { "undefined kernel", "kernels: [lsk, sclk, spk, ck] }", "kernels: [lsk, sclk, spk, xk] }", "'xk' is not defined" },
        { "undefined calibration", "calibration: [dark, flat, gain] }", "calibration: [dark, flat, bias] }", "'bias' is not defined" },
        { "unknown processor instrument", "  emu:\n    image:", "  emx:\n    image:", "processors.emx: no instrument 'emx'" },
        { "bad placeholder", "{descriptor}_v{version}.{ext}\"\n  calibration", "{descr}_v{version}.{ext}\"\n  calibration", "unknown placeholder {descr}" },
        { "out of range", "retryAttempts: 2", "retryAttempts: 12", "expected a whole number from 0 to 9, got '12'" },
        { "bad yaml", "  orbitDigits: 4\n", "  orbitDigits: [4\n", "is not valid YAML" },
        { "shared kernel extension", "extensions: [tf] }", "extensions: [bc] }", "'bc' is already the extension of kernel type 'ck'" },
    };

    [Theory]
    [MemberData(nameof(BrokenCopies))]
    public void Parse_BrokenCopy_NamesTheLineAndTheProblem(string description, string find, string replace, string expected)
    {
        var index = Yaml.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0, $"fixture text for '{description}' not found in mission.yaml");
        var broken = string.Concat(Yaml.AsSpan(0, index), replace, Yaml.AsSpan(index + find.Length));
        var changedLine = Yaml[..index].Count(c => c == '\n') + 1;

        var error = Assert.Throws<MissionFileException>(() => MissionLoader.Parse(broken, "broken.yaml"));

        var problem = Assert.Single(error.Problems, p => p.ToString().Contains(expected, StringComparison.Ordinal));
        Assert.StartsWith("broken.yaml:", problem.ToString(), StringComparison.Ordinal);
        // A missing key is reported at the mapping that lacks it, a few lines above; a YAML syntax
        // error where the scanner notices it, a few lines below.
        Assert.InRange(problem.Line, changedLine - 6, changedLine + 3);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOne()
    {
        var broken = Yaml.Replace("memoryMiB: 2048", "memoryMiB: lots", StringComparison.Ordinal);

        var error = Assert.Throws<MissionFileException>(() => MissionLoader.Parse(broken, "m.yaml"));

        Assert.Equal(3, error.Problems.Count(p => p.Path.EndsWith(".memoryMiB", StringComparison.Ordinal)));
    }

    [Fact]
    public void Parse_NotAMapping_SaysWhatTheTopLevelShouldBe()
    {
        var error = Assert.Throws<MissionFileException>(() => MissionLoader.Parse("- just\n- a list\n", "m.yaml"));

        Assert.Contains("top level is a mapping", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_MissingFile_SaysItCannotBeRead()
    {
        var error = Assert.Throws<MissionFileException>(() => MissionLoader.LoadFile("/nonexistent/mission.yaml"));

        Assert.Contains("cannot be read", error.Message, StringComparison.Ordinal);
    }
}
