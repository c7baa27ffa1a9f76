namespace Sdc.Simulator.Tests;

public class DeterminismTests
{
    [Fact]
    public async Task RunAsync_SameOptionsTwice_WritesByteIdenticalFiles()
    {
        using var first = new TemporaryDirectory();
        using var second = new TemporaryDirectory();

        var a = await SmallRuns.RunAsync(SmallRuns.Options(first.Path));
        var b = await SmallRuns.RunAsync(SmallRuns.Options(second.Path));

        Assert.Equal(a.Files.Select(f => f.Name), b.Files.Select(f => f.Name));
        foreach (var (x, y) in a.Files.Zip(b.Files))
        {
            Assert.True(File.ReadAllBytes(x.Path).AsSpan().SequenceEqual(File.ReadAllBytes(y.Path)), $"{x.Name} differs between runs");
        }
    }

    [Fact]
    public async Task RunAsync_OtherSeed_ChangesTheScienceData()
    {
        using var first = new TemporaryDirectory();
        using var second = new TemporaryDirectory();

        var a = await SmallRuns.RunAsync(SmallRuns.Options(first.Path, seed: 1));
        var b = await SmallRuns.RunAsync(SmallRuns.Options(second.Path, seed: 2));

        var science = a.Files.Zip(b.Files).Where(p => p.First.Kind == SimulatedFileKind.Science).ToList();
        Assert.NotEmpty(science);
        Assert.All(science, p => Assert.NotEqual(p.First.Md5, p.Second.Md5));
        var kernels = a.Files.Zip(b.Files).Where(p => p.First.Kind == SimulatedFileKind.Kernel);
        Assert.All(kernels, p => Assert.Equal(p.First.Md5, p.Second.Md5));
    }

    [Fact]
    public async Task RunAsync_OneOrbitAlone_IsTheSameAsThatOrbitInALongerRun()
    {
        using var both = new TemporaryDirectory();
        using var alone = new TemporaryDirectory();

        var two = await SmallRuns.RunAsync(SmallRuns.Options(both.Path));
        var one = await SmallRuns.RunAsync(SmallRuns.Options(alone.Path) with { Orbits = 1 });

        foreach (var file in one.Files.Where(f => f.Kind is SimulatedFileKind.Science or SimulatedFileKind.Housekeeping))
        {
            Assert.Equal(file.Md5, two.Files.Single(f => f.Name == file.Name).Md5);
        }
    }
}
