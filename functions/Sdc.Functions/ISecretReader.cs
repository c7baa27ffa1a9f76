namespace Sdc.Functions;

/// <summary>
/// The port to AWS Secrets Manager: a secret's text by its ARN (or name). Only AWS has secrets
/// to read; elsewhere the catalog is named in plain configuration instead.
/// </summary>
public interface ISecretReader
{
    Task<string> ReadSecretStringAsync(string secretId, CancellationToken cancellationToken);
}
