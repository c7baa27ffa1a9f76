using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Sdc.Functions.Tests;

public sealed class CatalogConnectionTests
{
    private const string SecretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:sdc-staging-catalog-AbCdEf";

    /// <summary>Secrets Manager, as far as the catalog needs it: one secret, and which ids were asked for.</summary>
    private sealed class OneSecret(string id, string text) : ISecretReader
    {
        public List<string> Asked { get; } = [];

        public Task<string> ReadSecretStringAsync(string secretId, CancellationToken cancellationToken)
        {
            Asked.Add(secretId);
            return secretId == id ? Task.FromResult(text) : throw new InvalidOperationException($"No secret {secretId}.");
        }
    }

    private static OneSecret Catalog() => new(SecretArn, """{"username":"sdc","password":"pw","host":"db.internal","port":5432,"dbname":"catalog","engine":"postgres"}""");

    private static Task<string> ResolveAsync(Dictionary<string, string> variables, ISecretReader secrets) =>
        CatalogConnection.ResolveAsync(variables.GetValueOrDefault, secrets, NullLogger.Instance, CancellationToken.None);

    [Fact]
    public async Task ResolveAsync_SecretArn_ConnectsWithTheSecretsCredentials()
    {
        var secrets = Catalog();

        var connection = new NpgsqlConnectionStringBuilder(await ResolveAsync(new() { [CatalogConnection.SecretArnVariable] = SecretArn }, secrets));

        Assert.Equal(("db.internal", "catalog", "sdc", "pw"), (connection.Host, connection.Database, connection.Username, connection.Password));
        Assert.Equal([SecretArn], secrets.Asked);
    }

    [Fact]
    public async Task ResolveAsync_SecretArnAndPlainSpec_TheSecretWins()
    {
        var connection = await ResolveAsync(new()
        {
            [CatalogConnection.SecretArnVariable] = SecretArn,
            [CatalogConnection.SpecVariable] = "postgres://old:old@elsewhere/old",
        }, Catalog());

        Assert.Equal("db.internal", new NpgsqlConnectionStringBuilder(connection).Host);
    }

    [Fact]
    public async Task ResolveAsync_OnlyPlainSpec_UsesItWithoutAskingForSecrets()
    {
        var secrets = Catalog();

        var spec = await ResolveAsync(new() { [CatalogConnection.SpecVariable] = "/data/catalog.db" }, secrets);

        Assert.Equal("/data/catalog.db", spec);
        Assert.Empty(secrets.Asked);
    }

    [Fact]
    public async Task ResolveAsync_NeitherSet_FailsNamingBoth()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ResolveAsync(new() { [CatalogConnection.SpecVariable] = "" }, Catalog()));

        Assert.Contains(CatalogConnection.SecretArnVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains(CatalogConnection.SpecVariable + " ", error.Message, StringComparison.Ordinal);
    }
}
