using System.Security.Cryptography;
using System.Text;
using Sdc.Promotion.Reference;
using Sdc.Promotion.Runs;
using Sdc.Promotion.Settings;
using Sdc.Promotion.Tests.Support;

namespace Sdc.Promotion.Tests;

public sealed class ReferenceSetTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task LoadAsync_Folder_MissionNamedInputsWithChecksumOfTheirListing()
    {
        var folder = ReferenceFolder.Create(_temp.Folder("reference"));

        var set = await ReferenceSet.LoadAsync(Emm.Mission, folder, "test", CancellationToken.None);

        Assert.Equal(["README.txt", "emm_exi_l0_20210224T000000_0001_sci_v01-00.dat.md5", "emm_moc_20210224T060000_0001.pdr.json"], set.Ignored);
        Assert.Equal(ReferenceFolder.Names.Length - 3, set.Files.Count);
        // What `sha256sum * | LC_ALL=C sort -k2 | sha256sum` gives over the inputs.
        var listing = string.Concat(set.Files.Select(f => $"{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f.Path)))}  {f.Name}\n"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(listing))), set.Sha256);
        var first = set.Files[0];
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(first.Path))), first.Md5);
        Assert.Equal(new FileInfo(first.Path).Length, first.Size);
    }

    [Fact]
    public async Task LoadAsync_OneByteChanged_OtherChecksum()
    {
        var folder = ReferenceFolder.Create(_temp.Folder("reference"));
        var before = await ReferenceSet.LoadAsync(Emm.Mission, folder, "test", CancellationToken.None);
        await File.AppendAllTextAsync(Path.Combine(folder, ReferenceFolder.ExiOrbit2), "!");

        var after = await ReferenceSet.LoadAsync(Emm.Mission, folder, "test", CancellationToken.None);

        Assert.NotEqual(before.Sha256, after.Sha256);
    }

    [Fact]
    public async Task LoadAsync_NoSuchFolder_ArgumentExceptionNamingIt()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => ReferenceSet.LoadAsync(Emm.Mission, "/nonexistent/reference", "test", CancellationToken.None));

        Assert.Equal("Reference set /nonexistent/reference: no such folder.", error.Message);
    }

    [Fact]
    public async Task FirstStage_TwoOrbits_OneJobEachWithItsHousekeepingAndNewestCoveringKernels()
    {
        var set = await ReferenceSet.LoadAsync(Emm.Mission, ReferenceFolder.Create(_temp.Folder("reference")), "test", CancellationToken.None);
        var planner = new ValidationJobPlanner(Emm.Mission.FindProcessor("exi")!, set);

        var jobs = planner.FirstStage();

        Assert.Equal(["l0-0001", "l0-0002"], jobs.Select(j => j.Label));
        Assert.Equal([ReferenceFolder.ExiOrbit1, ReferenceFolder.HousekeepingOrbit1], jobs[0].Inputs.Select(i => i.Name));
        Assert.Equal([ReferenceFolder.ExiOrbit2, ReferenceFolder.HousekeepingOrbit2], jobs[1].Inputs.Select(i => i.Name));
        // mission.yaml: exi l0 → l1 needs lsk, sclk, spk, ck (not fk); the newest spk covering the day is v01-01.
        Assert.Equal(
            [("emm_lsk_20210224_20210224_v01-00.tls", "lsk"), ("emm_sclk_20210224_20210224_v01-00.tsc", "sclk"),
             ("emm_spk_20210224_20210224_v01-01.bsp", "spk"), ("emm_ck_20210224_20210224_v01-00.bc", "ck")],
            jobs[0].Kernels.Select(k => (k.Name, k.Type!)));
        Assert.Empty(jobs[0].Calibration);
        Assert.Equal("l0", jobs[0].Step.From);
    }

    [Fact]
    public async Task NextStage_Level1Products_OneJobPerOrbitWithCalibrationValidAtItsStart()
    {
        var set = await ReferenceSet.LoadAsync(Emm.Mission, ReferenceFolder.Create(_temp.Folder("reference")), "test", CancellationToken.None);
        var planner = new ValidationJobPlanner(Emm.Mission.FindProcessor("exi")!, set);
        var start = new DateTimeOffset(2021, 2, 24, 4, 0, 0, TimeSpan.Zero);
        ProducedFile Made(string name, string level, int orbit) =>
            new(name, $"/out/{name}", level, "f220", start, start.AddSeconds(10), orbit, 1, new string('0', 32), new string('0', 64), 0, []);

        var jobs = planner.NextStage([
            Made("emm_exi_l1_20210224T040000_0001_f220_v01-00.fits", "l1", 1),
            Made("emm_exi_l1_20210224T042000_0001_f260_v01-00.fits", "l1", 1),
            Made("emm_exi_l1_20210224T100000_0002_f220_v01-00.fits", "l1", 2),
            Made("emm_exi_ql_20210224T040000_0001_f220_v01-00.png", "ql", 1),
        ]);

        Assert.Equal(["l1-0001", "l1-0002"], jobs.Select(j => j.Label));
        Assert.Equal(2, jobs[0].Inputs.Count);
        Assert.Equal(
            [("emm_exi_cal_20210220_dark_v01-00.fits", "dark"), ("emm_exi_cal_20210220_flat_v01-02.fits", "flat"), ("emm_exi_cal_20210220_gain_v01-00.fits", "gain")],
            jobs[0].Calibration.Select(c => (c.Name, c.Type!)));
        Assert.Empty(jobs[0].Kernels);
        Assert.Empty(planner.NextStage([Made("emm_exi_l2_20210224T040000_0001_f220_v01-00.fits", "l2", 1)]));
    }

    [Fact]
    public async Task CreateAsync_SameWindowTwice_SameFilesAndChecksum()
    {
        var window = ReferenceWindow.Default with { Start = new DateTime(2021, 5, 1, 0, 0, 0, DateTimeKind.Utc) };

        var first = await SimulatedReference.CreateAsync(Emm.Mission, "exi", window, _temp.Folder("one"), CancellationToken.None);
        var second = await SimulatedReference.CreateAsync(Emm.Mission, "exi", window, _temp.Folder("two"), CancellationToken.None);

        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(first.Files.Select(f => f.Name), second.Files.Select(f => f.Name));
        Assert.Contains(first.Files, f => f.Name == "emm_exi_l0_20210501T000000_0001_sci_v01-00.dat");
        Assert.DoesNotContain(first.Files, f => f.Fields.Instrument is "emr" or "emu");
        Assert.Equal("simulated: exi, 1 orbit(s) from 2021-05-01T00:00:00Z, seed 1", first.Source);
        Assert.Single(new ValidationJobPlanner(Emm.Mission.FindProcessor("exi")!, first).FirstStage());
    }

    [Fact]
    public async Task CreateAsync_InstrumentWithoutSimulator_ArgumentExceptionSayingToGiveAFolder()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            SimulatedReference.CreateAsync(Emm.Mission, "sc", ReferenceWindow.Default, _temp.Folder("sc"), CancellationToken.None));

        Assert.Contains("give a reference set with --reference <folder>", error.Message, StringComparison.Ordinal);
    }
}
