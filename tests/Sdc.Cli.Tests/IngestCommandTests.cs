using System.Security.Cryptography;

namespace Sdc.Cli.Tests;

public sealed class IngestCommandTests
{
    [Fact]
    public async Task Ingest_DeliveryWithFaults_ShowsEveryOutcomeAndExitsFour()
    {
        using var dir = new TempDirectory();
        var sim = Path.Combine(dir.Path, "sim");
        var data = Path.Combine(dir.Path, "d");
        Assert.Equal(0, (await SdcProcess.RunAsync(dir.Path, null, "simulate", "--start", "2021-02-24", "--orbits", "1", "--out", sim,
            "--fault", "truncate:exi", "--fault", "gap:sc")).ExitCode);

        var result = await SdcProcess.RunAsync(dir.Path, null, "ingest", sim, "--data", data);
        var again = await SdcProcess.RunAsync(dir.Path, null, "ingest", "--inbox", "--data", data);

        Assert.Equal(4, result.ExitCode);
        Assert.Matches(@"emm_exi_l0_\S+ +│ quarantined │ INT-E002", result.Stdout);
        Assert.Matches(@"emm_sc_l0_\S+ +│ archived +│ INT-W001", result.Stdout);
        Assert.Matches(@"emm_moc_\S+ +│ recorded", result.Stdout);
        Assert.Contains("16 archived, 1 quarantined, 1 recorded", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("processing manifest: archive:manifests/2021/02/24/emm_moc_20210224T060000_0001.json", result.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(data, "buckets", "archive", "manifests", "2021", "02", "24", "emm_moc_20210224T060000_0001.json")));
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 files", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_NoSuchPath_ExitsTwoNamingIt()
    {
        using var dir = new TempDirectory();

        var result = await SdcProcess.RunAsync(dir.Path, null, "ingest", "nowhere", "--data", Path.Combine(dir.Path, "d"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nowhere: no such file or folder", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// The crash test: `sdc ingest` killed with SIGKILL while it archives a delivery, then the same
    /// events replayed (`sdc ingest --inbox`). Right after the kill every file is whole either in
    /// the archive or still in the inbox; after the replay, every file is archived once.
    /// </summary>
    [Fact]
    public async Task Ingest_KilledWhileArchiving_ReplayArchivesEverythingOnceAndNothingIsHalfWritten()
    {
        using var dir = new TempDirectory();
        var sim = Path.Combine(dir.Path, "sim");
        var data = Path.Combine(dir.Path, "d");
        Assert.Equal(0, (await SdcProcess.RunAsync(dir.Path, null, "simulate", "--start", "2021-02-24", "--orbits", "2", "--scale", "36", "--out", sim)).ExitCode);
        var originals = Directory.GetFiles(sim).ToDictionary(f => Path.GetFileName(f), f => Md5(f));
        var dataFiles = originals.Keys.Where(n => !n.EndsWith(".pdr.json", StringComparison.Ordinal)).ToList();
        var archive = Path.Combine(data, "buckets", "archive");

        using (var child = SdcProcess.Start(dir.Path, null, "ingest", sim, "--data", data))
        {
            var drain = Task.WhenAll(child.StandardOutput.ReadToEndAsync(), child.StandardError.ReadToEndAsync());
            // Files wait in the inbox until the record arrives; the kill lands once archiving has begun.
            // (At --scale 12 a busy machine sometimes saw the whole burst finish between two looks.)
            while (!child.HasExited && ArchivedNames(archive).Count == 0)
            {
                await Task.Delay(5);
            }
            Assert.False(child.HasExited, "the ingest finished before it could be killed; make the delivery bigger");
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
            await drain;
        }

        var archived = ArchivedNames(archive);
        var inbox = Path.Combine(data, "buckets", "inbox");
        var waiting = Directory.Exists(inbox) ? Directory.GetFiles(inbox).Select(f => Path.GetFileName(f)).ToHashSet() : [];
        Assert.NotEmpty(archived);
        foreach (var (name, path) in archived)
        {
            Assert.Equal(originals[name], Md5(path));
        }
        foreach (var name in waiting)
        {
            Assert.Equal(originals[name], Md5(Path.Combine(inbox, name)));
        }
        var lost = dataFiles.Where(n => !waiting.Contains(n) && !archived.ContainsKey(n)).ToList();
        Assert.True(lost.Count == 0, "neither archived nor in the inbox: " + string.Join(", ", lost));
        Assert.Equal(CatalogKeys(data).Count, CatalogKeys(data).Distinct().Count());

        var replay = await SdcProcess.RunAsync(dir.Path, null, "ingest", "--inbox", "--data", data);

        Assert.Equal(0, replay.ExitCode);
        var after = ArchivedNames(archive);
        Assert.Equal(dataFiles.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        Assert.All(after, a => Assert.Equal(originals[a.Key], Md5(a.Value)));
        Assert.Equal(dataFiles.Count, CatalogKeys(data).Count);
        Assert.Single(Directory.GetFiles(Path.Combine(archive, "manifests"), "*.json", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(inbox));
    }

    /// <summary>Archived data files (not records, manifests or quarantine) by name.</summary>
    private static Dictionary<string, string> ArchivedNames(string archive) =>
        !Directory.Exists(archive)
            ? []
            : Directory.GetFiles(archive, "*", SearchOption.AllDirectories)
                .Where(p => Path.GetRelativePath(archive, p).Split(Path.DirectorySeparatorChar)[0] is "l0" or "kernels" or "calibration")
                .ToDictionary(p => Path.GetFileName(p), p => p);

    private static List<string> CatalogKeys(string data) => CatalogFile.Column(data, "SELECT key FROM files");

    private static string Md5(string path) => Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(path)));
}
