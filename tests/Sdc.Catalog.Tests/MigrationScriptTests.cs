using Sdc.Catalog.Migrations;

namespace Sdc.Catalog.Tests;

public sealed class MigrationScriptTests
{
    [Fact]
    public void For_BothEngines_HaveSameNumbersAndNames()
    {
        var sqlite = MigrationScript.For(CatalogEngine.Sqlite);
        var postgres = MigrationScript.For(CatalogEngine.Postgres);

        Assert.Equal(sqlite.Select(s => (s.Version, s.Name)), postgres.Select(s => (s.Version, s.Name)));
        Assert.Equal(Enumerable.Range(1, sqlite.Count), sqlite.Select(s => s.Version));
    }

    [Fact]
    public void For_SharedScript_IsTheSameOnBothEngines()
    {
        var sqlite = MigrationScript.For(CatalogEngine.Sqlite).Single(s => s.Name == "indexes");
        var postgres = MigrationScript.For(CatalogEngine.Postgres).Single(s => s.Name == "indexes");

        Assert.Equal(sqlite.Checksum, postgres.Checksum);
    }

    [Fact]
    public void ChecksumOf_LineEndings_DoNotMatter()
    {
        Assert.Equal(MigrationScript.ChecksumOf("a\nb\n"), MigrationScript.ChecksumOf("a\r\nb\r\n"));
        Assert.NotEqual(MigrationScript.ChecksumOf("a\nb\n"), MigrationScript.ChecksumOf("a\nc\n"));
    }
}
