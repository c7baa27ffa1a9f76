using Npgsql;

namespace Sdc.Functions.Tests;

public sealed class RdsSecretTests
{
    private const string SecretId = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:sdc-staging-catalog-AbCdEf";

    /// <summary>What RDS writes for an attached PostgreSQL instance (port as a number), with a password that needs quoting.</summary>
    private const string Secret = """
        {"username":"sdc","password":"p;w=d'\"x y","engine":"postgres","host":"sdc-staging.abc.eu-west-1.rds.amazonaws.com",
         "port":5432,"dbname":"catalog","dbInstanceIdentifier":"sdc-staging"}
        """;

    [Fact]
    public void ToConnectionString_RdsSecret_GivesEveryFieldWithTlsRequired()
    {
        var builder = new NpgsqlConnectionStringBuilder(RdsSecret.ToConnectionString(Secret, SecretId));

        Assert.Equal(("sdc-staging.abc.eu-west-1.rds.amazonaws.com", 5432, "catalog", "sdc", "p;w=d'\"x y", SslMode.Require),
            (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password, builder.SslMode));
    }

    [Theory]
    [InlineData("""{"username":"u","password":"p","host":"h","dbname":"d","port":"6432"}""", 6432)]
    [InlineData("""{"username":"u","password":"p","host":"h","dbname":"d"}""", 5432)]
    public void ToConnectionString_PortAsTextOrAbsent_ReadsItOrTakesTheDefault(string secret, int port)
    {
        Assert.Equal(port, new NpgsqlConnectionStringBuilder(RdsSecret.ToConnectionString(secret, SecretId)).Port);
    }

    [Theory]
    [InlineData("username")]
    [InlineData("password")]
    [InlineData("host")]
    [InlineData("dbname")]
    public void ToConnectionString_FieldMissing_FailsNamingTheFieldAndNotThePassword(string field)
    {
        var fields = new Dictionary<string, string> { ["username"] = "sdc", ["password"] = "hunter2-secret", ["host"] = "h", ["dbname"] = "catalog" };
        fields.Remove(field);

        var error = Assert.Throws<FormatException>(() => RdsSecret.ToConnectionString(System.Text.Json.JsonSerializer.Serialize(fields), SecretId));

        Assert.Contains($"\"{field}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(SecretId, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"username":"u","password":"p","host":"h","dbname":"d","port":"five"}""", "\"port\"")]
    [InlineData("""{"username":"u","password":"p","host":"h","dbname":"d","port":70000}""", "\"port\"")]
    [InlineData("""{"username":"u","password":"p","host":"h","dbname":"d","engine":"mysql"}""", "\"engine\"")]
    [InlineData("""["u","p"]""", "not an object")]
    public void ToConnectionString_BadField_FailsNamingIt(string secret, string named)
    {
        var error = Assert.Throws<FormatException>(() => RdsSecret.ToConnectionString(secret, SecretId));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToConnectionString_NotJson_FailsWithoutQuotingTheText()
    {
        var error = Assert.Throws<FormatException>(() => RdsSecret.ToConnectionString("password=hunter2-secret", SecretId));

        Assert.Contains("not JSON", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }
}
