namespace Sdc.Catalog;

/// <summary>
/// A user of the local issuer (on AWS the Cognito user pool holds users instead).
/// <paramref name="PasswordHash"/> is the self-describing PBKDF2 string the issuer made;
/// <paramref name="Groups"/> are Cognito group names, in the order they were given.
/// </summary>
public sealed record CatalogUser(string Username, string PasswordHash, IReadOnlyList<string> Groups, DateTimeOffset CreatedAt);
