using Sdc.Promotion.Settings;

namespace Sdc.Promotion.Tests;

public sealed class ValidationSettingsReaderTests
{
    private const string Full = """
        reference:
          start: 2021-03-01T06:00:00Z
          orbits: 2
          seed: 42
        tolerance:
          default: { relative: 1.0e-5, absolute: 0 }
          l1: { relative: 0, absolute: 0 }
          Quality: { absolute: 0 }
          "l2:RADIANCE": { relative: 1.0e-4 }
          SPECTRA/wave: { absolute: 1.0e-9 }
          "l2:SPECTRA/FLUX": { relative: 1.0e-3 }
        headers:
          mayDiffer: [SWVERSN, "cal*"]
          tolerance: { relative: 1.0e-9 }
        quicklook:
          tolerance: { absolute: 2 }
        """;

    [Fact]
    public void Parse_EverySetting_Read()
    {
        var settings = ValidationSettingsReader.Parse(Full, "validation.yaml");

        Assert.Equal(new ReferenceWindow(new DateTime(2021, 3, 1, 6, 0, 0, DateTimeKind.Utc), 2, 42), settings.Reference);
        Assert.Equal(new Tolerance(1e-5, 0), settings.DefaultTolerance);
        Assert.Equal(new Tolerance(1e-9, 0), settings.HeaderTolerance);
        Assert.Equal(new Tolerance(0, 2), settings.QuicklookTolerance);
        Assert.Equal([.. ValidationSettings.BuiltInMayDiffer, "SWVERSN", "CAL*"], settings.MayDiffer);
        Assert.Equal("validation.yaml", settings.Source);
    }

    [Theory]
    [InlineData("l2", "RADIANCE", null, 1e-4, 0)]        // level:HDU
    [InlineData("l2", "QUALITY", null, 0, 0)]            // HDU (upper-cased from the file)
    [InlineData("l1", "PRIMARY", null, 0, 0)]            // level
    [InlineData("l2", "PRIMARY", null, 1e-5, 0)]         // default
    [InlineData("l2", "SPECTRA", "FLUX", 1e-3, 0)]       // level:HDU/COLUMN
    [InlineData("l3", "SPECTRA", "WAVE", 0, 1e-9)]       // HDU/COLUMN
    [InlineData("l1", "SPECTRA", "FLUX", 0, 0)]          // level, as no column key fits l1
    public void ToleranceFor_MostSpecificKeyWins(string level, string hdu, string? column, double relative, double absolute)
    {
        var settings = ValidationSettingsReader.Parse(Full, "validation.yaml");

        Assert.Equal(new Tolerance(relative, absolute), settings.ToleranceFor(level, hdu, column));
    }

    [Theory]
    [InlineData("DATE", true)]
    [InlineData("INMD51", true)]
    [InlineData("CALVER", true)]
    [InlineData("SWVERSN", true)]
    [InlineData("INPUT1", false)]
    [InlineData("DATE-OBS", false)]
    [InlineData("EXPTIME", false)]
    public void KeywordMayDiffer_BuiltInsFileEntriesAndPrefixes(string keyword, bool mayDiffer)
    {
        var settings = ValidationSettingsReader.Parse(Full, "validation.yaml");

        Assert.Equal(mayDiffer, settings.KeywordMayDiffer(keyword));
    }

    [Fact]
    public void Parse_EmptyFile_Defaults()
    {
        var settings = ValidationSettingsReader.Parse("", "empty.yaml");

        Assert.Equal("empty.yaml", settings.Source);
        Assert.Equal(ValidationSettings.Defaults.DefaultTolerance, settings.DefaultTolerance);
        Assert.Empty(settings.Tolerances);
        Assert.Equal(ValidationSettings.BuiltInMayDiffer, settings.MayDiffer);
        Assert.Equal(ReferenceWindow.Default, settings.Reference);
    }

    [Theory]
    [InlineData("tolerance:\n  default: { relativ: 1 }\n", "v.yaml:2: tolerance.default.relativ: unknown setting; expected relative or absolute.")]
    [InlineData("tolerance:\n  l2: { relative: -1 }\n", "v.yaml:2: tolerance.l2.relative: '-1'; expected a number ≥ 0.")]
    [InlineData("tolerance:\n  l2: { relative: lots }\n", "v.yaml:2: tolerance.l2.relative: 'lots'; expected a number ≥ 0.")]
    [InlineData("tolerance:\n  \"a b\": { relative: 1 }\n", "v.yaml:2: tolerance.a b: expected default, a level (l2)")]
    [InlineData("tolerances:\n  default: {}\n", "v.yaml:1: tolerances: unknown setting; expected reference, tolerance, headers or quicklook.")]
    [InlineData("headers:\n  mayDiffer: [TOOLONGKEY]\n", "v.yaml:2: headers.mayDiffer: 'TOOLONGKEY' is not a FITS keyword")]
    [InlineData("headers:\n  mayDiffer: DATE\n", "v.yaml:2: headers.mayDiffer: expected a list of FITS keywords")]
    [InlineData("reference:\n  start: yesterday\n", "v.yaml:2: reference.start: 'yesterday'; expected a UTC time such as 2021-02-24T00:00:00Z.")]
    [InlineData("reference:\n  orbits: 0\n", "v.yaml:2: reference.orbits: '0'; expected a whole number from 1 to 100.")]
    [InlineData("quicklook:\n  tolerance: 1\n", "v.yaml:2: quicklook.tolerance: expected a mapping of settings.")]
    [InlineData("tolerance: [\n", "v.yaml:")]
    public void Parse_Malformed_FormatExceptionNamingLineAndSetting(string yaml, string message)
    {
        var error = Assert.Throws<FormatException>(() => ValidationSettingsReader.Parse(yaml, "v.yaml"));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("exi")]
    [InlineData("emr")]
    [InlineData("emu")]
    public void Load_RepositoryFiles_Valid(string instrument)
    {
        var settings = ValidationSettingsReader.Load(Sdc.Testing.RepositoryRoot.PathOf($"processors/{instrument}/validation.yaml"));

        Assert.Equal(Tolerance.Exact, settings.ToleranceFor("l1", "PRIMARY"));
        Assert.Equal(ReferenceWindow.Default, settings.Reference);
    }

    [Fact]
    public void LoadOrDefault_NoFile_Defaults()
    {
        Assert.Same(ValidationSettings.Defaults, ValidationSettingsReader.LoadOrDefault("/nonexistent/validation.yaml"));
    }
}
