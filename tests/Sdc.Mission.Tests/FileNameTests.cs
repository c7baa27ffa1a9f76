namespace Sdc.Mission.Tests;

public sealed class FileNameTests
{
    private static readonly Mission Emm = MissionLoader.LoadFile(RepositoryFiles.MissionYaml);

    [Fact]
    public void Parse_EmmPublicProductName_ReturnsTypedFields()
    {
        var name = Emm.ParseFileName("emm_exi_l2_20210224T095615_0011_f635_v03-01.fits");

        Assert.Equal(FileNameKind.Product, name.Kind);
        Assert.Equal("emm", name.Mission);
        Assert.Equal("exi", name.Instrument);
        Assert.Equal("l2", name.Level);
        Assert.Equal(new DateTime(2021, 2, 24, 9, 56, 15, DateTimeKind.Utc), name.Start);
        Assert.Equal(DateTimeKind.Utc, name.Start!.Value.Kind);
        Assert.Equal(11, name.Orbit);
        Assert.Equal("f635", name.Descriptor);
        Assert.Equal(new ProductVersion(3, 1), name.Version);
        Assert.Equal("fits", name.Extension);
        Assert.False(name.IsChecksumSidecar);
    }

    [Theory]
    [InlineData("emm_exi_l2_20210224T095615_0011_f635_v03-01.fits")]
    [InlineData("emm_exi_l0_20210224T000000_0011_sci_v01-00.dat")]
    [InlineData("emm_emr_ql_20211231T235959_0420_spe_v12-99.png")]
    [InlineData("emm_sc_l0_20210224T000000_0011_hsk_v01-00.dat")]
    [InlineData("emm_emu_cal_20210101_wave_v02-00.fits")]
    [InlineData("emm_spk_20210224_20210225_v01-00.bsp")]
    [InlineData("emm_pck_20200101_20301231_v00-01.tpc")]
    [InlineData("emm_moc_20210224T120000_0007.pdr.json")]
    [InlineData("emm_exi_l0_20210224T000000_0011_sci_v01-00.dat.md5")]
    public void Format_OfParse_GivesTheSameName(string fileName)
    {
        var parsed = Emm.ParseFileName(fileName);

        Assert.Equal(fileName, Emm.FormatFileName(parsed));
    }

    [Fact]
    public void Parse_Kernel_ReadsTypeAndCoverage()
    {
        var name = Emm.ParseFileName("emm_ck_20210224_20210226_v01-02.bc");

        Assert.Equal(FileNameKind.Kernel, name.Kind);
        Assert.Equal("ck", name.KernelType);
        Assert.Equal((new DateTime(2021, 2, 24, 0, 0, 0, DateTimeKind.Utc), new DateTime(2021, 2, 27, 0, 0, 0, DateTimeKind.Utc)), name.Coverage);
    }

    [Fact]
    public void Parse_Sidecar_DescribesTheFileItBelongsTo()
    {
        var name = Emm.ParseFileName("emm_emu_l0_20210224T000000_0011_sci_v01-00.dat.md5");

        Assert.True(name.IsChecksumSidecar);
        Assert.Equal("emu", name.Instrument);
        Assert.Equal("dat", name.Extension);
    }

    [Fact]
    public void Format_BuiltFromFields_FollowsThePattern()
    {
        var fields = new MissionFileName(FileNameKind.Product, "emm")
        {
            Instrument = "emr",
            Level = "l1",
            Start = new DateTime(2022, 3, 4, 5, 6, 7, DateTimeKind.Utc),
            Orbit = 7,
            Descriptor = "ifg",
            Version = new ProductVersion(1, 0),
            Extension = "fits",
        };

        Assert.Equal("emm_emr_l1_20220304T050607_0007_ifg_v01-00.fits", Emm.FormatFileName(fields));
    }

    [Fact]
    public void Format_MissingField_NamesIt()
    {
        var fields = new MissionFileName(FileNameKind.Product, "emm") { Instrument = "exi", Level = "l1" };

        var error = Assert.Throws<ArgumentException>(() => Emm.FormatFileName(fields));

        Assert.Contains("start time", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> InvalidNames => new()
    {
        // name, the part that must be named, a fragment of what was expected
        { "emm_xyz_l2_20210224T095615_0011_f635_v03-01.fits", "instrument", "exi, emr, emu, sc" },
        { "emm_exi_l9_20210224T095615_0011_f635_v03-01.fits", "level", "l0, l1, l2, ql, l3" },
        { "emm_exi_l2_20210230T095615_0011_f635_v03-01.fits", "start time", "yyyyMMddTHHmmss" },
        { "emm_exi_l2_20210224T095615_11_f635_v03-01.fits", "orbit number", "4 digits" },
        { "emm_exi_l2_20210224T095615_0011_f999_v03-01.fits", "descriptor", "f635" },
        { "emm_exi_l2_20210224T095615_0011_f635_v3-1.fits", "version", "two digits each" },
        { "emm_exi_l2_20210224T095615_0011_f635_v03-01.png", "extension", "'fits'" },
        { "emm_exi_ql_20210224T095615_0011_f635_v03-01.fits", "extension", "'png'" },
        { "mro_exi_l2_20210224T095615_0011_f635_v03-01.fits", "mission id", "'emm'" },
        { "emm_spk_20210226_20210224_v01-00.bsp", "coverage end date", "on or after" },
        { "emm_spk_20210224_20210226_v01-00.bc", "extension", "'bsp'" },
        { "emm_exi_cal_20210101_f635_v01-00.fits", "descriptor", "dark, flat, gain" },
        { "emm_moc_20210224T120000_7.pdr.json", "sequence number", "4 digits" },
        { "emm_exi_l2_20210224T095615_0011_f635_v03-01", "separator", "'.'" },
        { "emm_exi_l2_20210224T095615_0011_f635_v03-01.fits.bak", "extension", "'fits'" },
        { "", "mission id", "'emm'" },
    };

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public void Parse_InvalidName_SaysWhichPartAndWhatWasExpected(string fileName, string part, string expected)
    {
        var error = Assert.Throws<FileNameException>(() => Emm.ParseFileName(fileName));

        Assert.Contains(part, error.Part, StringComparison.Ordinal);
        Assert.Contains(expected, error.Expected, StringComparison.Ordinal);
        Assert.Contains(part, error.Message, StringComparison.Ordinal);
        Assert.Equal(fileName, error.FileName);
    }

    [Fact]
    public void Parse_UnknownSecondPart_ExplainsEveryReading()
    {
        var error = Assert.Throws<FileNameException>(() => Emm.ParseFileName("emm_xyz_20210224_20210226_v01-00.bsp"));

        Assert.Contains("instrument", error.Part, StringComparison.Ordinal);
        Assert.Contains("kernel type", error.Part, StringComparison.Ordinal);
        Assert.Contains("spk", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HugeName_IsRejectedWithAShortMessage()
    {
        var error = Assert.Throws<FileNameException>(() => Emm.ParseFileName(new string('a', 10_000)));

        Assert.True(error.Message.Length < 600, error.Message);
    }

    [Fact]
    public void TryParse_InvalidName_ReturnsFalseWithTheReason()
    {
        Assert.False(Emm.TryParseFileName("readme.txt", out var parsed, out var error));
        Assert.Null(parsed);
        Assert.NotNull(error);
    }

    [Fact]
    public void ProductVersion_Comparison_OrdersMajorThenMinor()
    {
        Assert.True(new ProductVersion(2, 0) > new ProductVersion(1, 99));
        Assert.True(new ProductVersion(1, 2) > new ProductVersion(1, 1));
        Assert.Equal("03-01", new ProductVersion(3, 1).ToString());
    }
}
