using Microsoft.Extensions.Logging;

namespace Sdc.Functions;

/// <summary>The entry points' own log messages, as source-generated templates.</summary>
internal static partial class FunctionsLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Both {SecretVariable} and {IgnoredVariable} are set; the catalog comes from the secret, the other is ignored")]
    public static partial void CatalogSpecIgnored(ILogger logger, string secretVariable, string ignoredVariable);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog credentials from secret {SecretArn}")]
    public static partial void CatalogFromSecret(ILogger logger, string secretArn);
}
