using Sdc.Catalog;

namespace Sdc.Pipeline.Tests;

public sealed class ProcessorVersionsTests
{
    private const string Digest1 = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string Digest2 = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

    private static readonly string TwoStages = $$"""
        {
          "exi": {
            "production": { "name": "exi", "version": "1.0.0", "image": "sdc/exi-processor:1.0.0", "digest": "{{Digest1}}" },
            "staging": { "name": "exi", "version": "1.1.0", "image": "sdc/exi-processor:1.1.0", "digest": "{{Digest2}}" }
          },
          "emr": { "production": { "name": "emr", "version": "1.0.0", "image": "sdc/emr-processor:1.0.0" } }
        }
        """;

    [Fact]
    public void Load_RepositoryFile_ProductionForEveryProcessorAndNoStaging()
    {
        var versions = ProcessorVersions.Load(global::Sdc.Testing.RepositoryRoot.PathOf("processors/versions.json"));

        Assert.Equal(["exi", "emr", "emu"], versions.Instruments);
        Assert.Equal(new ProcessorRelease("exi", "exi", "1.0.0", "sdc/exi-processor:1.0.0"), versions.For("exi"));
        Assert.Empty(versions.Staging);
    }

    [Fact]
    public void Load_RepositoryFile_IsInTheWritersLayout()
    {
        var path = global::Sdc.Testing.RepositoryRoot.PathOf("processors/versions.json");

        // Promotion rewrites the file in this layout; a hand edit in another one would make its diff noisy.
        Assert.Equal(File.ReadAllText(path), ProcessorVersions.Load(path).ToJson());
    }

    [Fact]
    public void ForStage_StagingEntry_StagingGetsItProductionKeepsItsOwn()
    {
        var versions = ProcessorVersions.Parse(TwoStages, "versions.json");

        Assert.Equal(new ProcessorRelease("exi", "exi", "1.1.0", "sdc/exi-processor:1.1.0", Digest2), versions.ForStage(ProcessorStage.Staging, "exi"));
        Assert.Equal(new ProcessorRelease("exi", "exi", "1.0.0", "sdc/exi-processor:1.0.0", Digest1), versions.ForStage(ProcessorStage.Production, "exi"));
        Assert.Equal(versions.For("exi"), versions.ForStage(ProcessorStage.Production, "exi"));
    }

    [Fact]
    public void ForStage_NoStagingEntry_StagingFallsBackToProduction()
    {
        var versions = ProcessorVersions.Parse(TwoStages, "versions.json");

        Assert.Equal(versions.For("emr"), versions.ForStage(ProcessorStage.Staging, "emr"));
        Assert.False(versions.Staging.ContainsKey("emr"));
    }

    [Theory]
    [InlineData("staging", "1.1.0")]
    [InlineData("production", "1.0.0")]
    public void ForStage_StageByName_AsStagesJsonNamesIt(string stage, string version)
    {
        var versions = ProcessorVersions.Parse(TwoStages, "versions.json");

        Assert.Equal(version, versions.ForStage(stage, "exi").Version);
        Assert.Equal("1.0.0", versions.ForStage(stage, "emr").Version);
    }

    [Fact]
    public void ForStage_UnknownStageName_ArgumentExceptionSayingWhatIsExpected()
    {
        var versions = ProcessorVersions.Parse(TwoStages, "versions.json");

        var error = Assert.Throws<ArgumentException>(() => versions.ForStage("prod", "exi"));
        Assert.StartsWith("Processor stage 'prod': expected \"production\" or \"staging\".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_UnknownInstrument_ThrowsNamingIt()
    {
        var versions = ProcessorVersions.Parse(TwoStages, "versions.json");

        var error = Assert.Throws<InvalidOperationException>(() => versions.ForStage(ProcessorStage.Staging, "emu"));
        Assert.Contains("'emu'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sdc/exi-processor:1.0.0", "sdc/exi-processor")]
    [InlineData("123456789012.dkr.ecr.me-central-1.amazonaws.com/sdc/exi-processor:1.1.0", "123456789012.dkr.ecr.me-central-1.amazonaws.com/sdc/exi-processor")]
    [InlineData("localhost:5000/sdc/exi-processor", "localhost:5000/sdc/exi-processor")]
    [InlineData("sdc/exi-processor@" + Digest1, "sdc/exi-processor")]
    public void ImageReference_WithDigest_RepositoryPinnedByDigest(string image, string repository)
    {
        var release = new ProcessorRelease("exi", "exi", "1.0.0", image, Digest2);

        Assert.Equal(repository, release.Repository);
        Assert.Equal($"{repository}@{Digest2}", release.ImageReference);
        Assert.Equal(image, (release with { Digest = null }).ImageReference);
    }

    [Theory]
    [InlineData("""{"exi": {"production": {"name": "exi", "version": "1.0.0", "image": "i", "digest": "sha256:abc"}}}""",
        "versions.json: exi.production.digest: 'sha256:abc'; expected \"sha256:\" and 64 lower-case hex digits")]
    [InlineData("""{"exi": {"production": {"name": "exi", "version": "1.0.0", "image": "i"}, "staging": {"name": "exi", "version": "1.1.0", "image": "i", "digest": "SHA256:1111111111111111111111111111111111111111111111111111111111111111"}}}""",
        "versions.json: exi.staging.digest: 'SHA256:1111")]
    [InlineData("""{"exi": {"staging": {"name": "exi", "version": "1.0.0", "image": "i"}}}""",
        "versions.json: exi.production: missing; expected {\"name\", \"version\", \"image\", optional \"digest\"}")]
    [InlineData("""{"exi": {"production": {"name": "exi", "version": "1.0.0", "image": "i"}, "stagin": {}}}""",
        "versions.json: exi.stagin: unknown stage; expected \"production\" or \"staging\"")]
    [InlineData("""{"exi": {"production": {"name": "exi", "version": "1.0.0", "image": "i", "digets": "x"}}}""",
        "versions.json: exi.production.digets: unknown field")]
    [InlineData("""{"exi": {"production": {"name": "exi", "image": "i"}}}""",
        "versions.json: exi.production.version: missing; expected a string")]
    [InlineData("""{"exi": {"production": {"name": 3, "version": "1.0.0", "image": "i"}}}""",
        "versions.json: exi.production.name: 3; expected a non-empty string without spaces")]
    [InlineData("""{"exi": {"production": {"name": "exi", "version": "1.0.0/../x", "image": "i"}}}""",
        "versions.json: exi.production.version: '1.0.0/../x'; expected a version such as 1.2.0")]
    [InlineData("""{"exi": {"production": "sdc/exi-processor:1.0.0"}}""",
        "versions.json: exi.production: expected {\"name\", \"version\", \"image\", optional \"digest\"}, got string")]
    [InlineData("""{"exi": []}""", "versions.json: exi: expected an object with \"production\" and optional \"staging\"")]
    [InlineData("""[]""", "versions.json: expected an object of instruments")]
    [InlineData("""{"exi": """, "versions.json: not valid JSON")]
    [InlineData("""{"exi": {"production": {"name": "exi", "version": "1.0.0", "image": "i"}}, "exi": {"production": {"name": "exi", "version": "1.0.0", "image": "i"}}}""",
        "versions.json: exi: listed twice")]
    public void Parse_Malformed_FormatExceptionNamingPathFieldAndExpectation(string json, string message)
    {
        var error = Assert.Throws<FormatException>(() => ProcessorVersions.Parse(json, "versions.json"));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Promote_StagingEntry_BecomesProductionOthersUntouched()
    {
        var versions = ProcessorVersions.Parse(TwoStages, "versions.json");

        var promoted = versions.Promote("exi");

        Assert.Equal(versions.Staging["exi"], promoted.For("exi"));
        Assert.Empty(promoted.Staging);
        Assert.Equal(versions.For("emr"), promoted.For("emr"));
        Assert.Equal(["exi", "emr"], promoted.Instruments);
        // The original is a value: promoting makes a new one.
        Assert.Equal("1.0.0", versions.For("exi").Version);
    }

    [Fact]
    public void Promote_NoStagingEntry_Throws()
    {
        var versions = ProcessorVersions.Parse(TwoStages, "versions.json");

        var error = Assert.Throws<InvalidOperationException>(() => versions.Promote("emr"));
        Assert.Contains("no staging release for 'emr'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_TwoStages_StableLayoutThatReadsBack()
    {
        var versions = ProcessorVersions.Parse(TwoStages, "versions.json");

        var json = versions.ToJson();

        Assert.Equal($$"""
            {
              "exi": {
                "production": { "name": "exi", "version": "1.0.0", "image": "sdc/exi-processor:1.0.0", "digest": "{{Digest1}}" },
                "staging": { "name": "exi", "version": "1.1.0", "image": "sdc/exi-processor:1.1.0", "digest": "{{Digest2}}" }
              },
              "emr": {
                "production": { "name": "emr", "version": "1.0.0", "image": "sdc/emr-processor:1.0.0" }
              }
            }

            """, json);
        var again = ProcessorVersions.Parse(json, "again");
        Assert.Equal(versions.Production, again.Production);
        Assert.Equal(versions.Staging, again.Staging);
    }

    [Fact]
    public void Save_OverExistingFile_ReplacesItAndLeavesNoTemporaryFile()
    {
        var folder = Directory.CreateTempSubdirectory("sdc-versions-").FullName;
        try
        {
            var path = Path.Combine(folder, ProcessorVersions.FileName);
            File.WriteAllText(path, TwoStages);

            ProcessorVersions.Load(path).Promote("exi").Save(path);

            Assert.Equal([ProcessorVersions.FileName], Directory.GetFiles(folder).Select(Path.GetFileName));
            var saved = ProcessorVersions.Load(path);
            Assert.Equal("1.1.0", saved.For("exi").Version);
            Assert.Equal(Digest2, saved.For("exi").Digest);
            Assert.Empty(saved.Staging);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Constructor_StagingWithoutProduction_Throws()
    {
        var release = new ProcessorRelease("emu", "emu", "1.0.0", "i");

        Assert.Throws<ArgumentException>(() => new ProcessorVersions(
            new Dictionary<string, ProcessorRelease>(), new Dictionary<string, ProcessorRelease> { ["emu"] = release }));
    }
}
