namespace Sdc.Promotion.Tests.Support;

/// <summary>
/// A reference folder of small stand-in files with the mission's names: what the planner looks
/// at are names, sizes and checksums, not contents.
/// </summary>
internal static class ReferenceFolder
{
    public const string ExiOrbit1 = "emm_exi_l0_20210224T000000_0001_sci_v01-00.dat";
    public const string ExiOrbit2 = "emm_exi_l0_20210224T060000_0002_sci_v01-00.dat";
    public const string HousekeepingOrbit1 = "emm_sc_l0_20210224T000000_0001_hsk_v01-00.dat";
    public const string HousekeepingOrbit2 = "emm_sc_l0_20210224T060000_0002_hsk_v01-00.dat";

    public static readonly string[] Names =
    [
        ExiOrbit1, ExiOrbit2, HousekeepingOrbit1, HousekeepingOrbit2,
        "emm_emr_l0_20210224T000000_0001_sci_v01-00.dat",
        "emm_lsk_20210224_20210224_v01-00.tls",
        "emm_sclk_20210224_20210224_v01-00.tsc",
        "emm_spk_20210224_20210224_v01-00.bsp",
        "emm_spk_20210224_20210224_v01-01.bsp",
        "emm_spk_20210301_20210301_v01-05.bsp",
        "emm_ck_20210224_20210224_v01-00.bc",
        "emm_fk_20210224_20210224_v01-00.tf",
        "emm_exi_cal_20210101_dark_v01-00.fits",
        "emm_exi_cal_20210220_dark_v01-00.fits",
        "emm_exi_cal_20210301_dark_v01-00.fits",
        "emm_exi_cal_20210220_flat_v01-00.fits",
        "emm_exi_cal_20210220_flat_v01-02.fits",
        "emm_exi_cal_20210220_gain_v01-00.fits",
        "emm_moc_20210224T060000_0001.pdr.json",
        "emm_exi_l0_20210224T000000_0001_sci_v01-00.dat.md5",
        "README.txt",
    ];

    public static string Create(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var name in Names)
        {
            File.WriteAllText(Path.Combine(folder, name), $"stand-in for {name}\n");
        }
        return folder;
    }
}
