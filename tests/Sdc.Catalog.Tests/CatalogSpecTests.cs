using Npgsql;
using Sdc.Catalog.Engines;

namespace Sdc.Catalog.Tests;

public sealed class CatalogSpecTests
{
    [Fact]
    public void Parse_PostgresUrl_MapsEveryPart()
    {
        var spec = CatalogSpec.Parse("postgres://sdc:p%40ss@db.example:6543/catalog?sslmode=require&application_name=sdc");

        Assert.Equal(CatalogEngine.Postgres, spec.Engine);
        var builder = new NpgsqlConnectionStringBuilder(spec.Target);
        Assert.Equal(("db.example", 6543, "catalog", "sdc", "p@ss"), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal("sdc", builder.ApplicationName);
    }

    [Fact]
    public void Parse_PostgresqlUrlWithoutPort_UsesDefaultPort()
    {
        var spec = CatalogSpec.Parse("postgresql://sdc@localhost/sdc");

        var builder = new NpgsqlConnectionStringBuilder(spec.Target);
        Assert.Equal(("localhost", 5432, "sdc", "sdc"), (builder.Host, builder.Port, builder.Database, builder.Username));
    }

    [Fact]
    public void Parse_NpgsqlConnectionString_IsPostgres()
    {
        var spec = CatalogSpec.Parse("Host=127.0.0.1;Port=5433;Username=sdc;Database=catalog");

        Assert.Equal(CatalogEngine.Postgres, spec.Engine);
        Assert.Equal(5433, new NpgsqlConnectionStringBuilder(spec.Target).Port);
    }

    [Theory]
    [InlineData("catalog.db")]
    [InlineData("/var/lib/sdc/catalog.db")]
    [InlineData("./data/run=3/catalog.db")]
    public void Parse_AnythingElse_IsSqlitePath(string path)
    {
        Assert.Equal(new CatalogSpec(CatalogEngine.Sqlite, path), CatalogSpec.Parse(path));
    }

    [Fact]
    public void Parse_UnknownConnectionStringKeyword_Throws()
    {
        Assert.Throws<ArgumentException>(() => CatalogSpec.Parse("Host=localhost;Colour=blue"));
    }
}
