using Microsoft.Extensions.Logging;

namespace Sdc.Functions;

/// <summary>
/// Which catalog a function opens, from its environment: on AWS, <c>SDC_CATALOG_SECRET_ARN</c> names
/// the RDS credentials secret, so no password sits in the function's configuration; elsewhere
/// <c>SDC_CATALOG</c> holds the catalog's spec (a PostgreSQL URL or connection string, or a SQLite
/// path). With both set the secret wins: it is the deliberate AWS setting, and a stale plain
/// connection string left beside it must not silently point the functions at another database.
/// </summary>
public static class CatalogConnection
{
    public const string SecretArnVariable = "SDC_CATALOG_SECRET_ARN";

    public const string SpecVariable = "SDC_CATALOG";

    /// <summary>The spec to give <see cref="Catalog.CatalogFactory.OpenAsync"/>.</summary>
    public static async Task<string> ResolveAsync(Func<string, string?> variables, ISecretReader secrets, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(logger);
        var spec = variables(SpecVariable);
        if (variables(SecretArnVariable) is { Length: > 0 } secretArn)
        {
            if (!string.IsNullOrEmpty(spec))
            {
                FunctionsLog.CatalogSpecIgnored(logger, SecretArnVariable, SpecVariable);
            }
            var connection = RdsSecret.ToConnectionString(await secrets.ReadSecretStringAsync(secretArn, cancellationToken), secretArn);
            FunctionsLog.CatalogFromSecret(logger, secretArn);
            return connection;
        }
        return string.IsNullOrEmpty(spec)
            ? throw new InvalidOperationException(
                $"Neither {SecretArnVariable} (on AWS: the ARN of the catalog's RDS credentials secret in Secrets Manager) nor {SpecVariable} "
                + "(elsewhere: a postgres:// URL, an Npgsql connection string or a SQLite file path) is set; the deployment must give one.")
            : spec;
    }
}
