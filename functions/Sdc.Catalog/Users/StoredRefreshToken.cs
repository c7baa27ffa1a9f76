namespace Sdc.Catalog;

/// <summary>
/// A refresh token the local issuer handed out, known only by its SHA-256 (lower-case hex):
/// the token itself is never stored, so a copy of the catalog cannot sign anyone in.
/// </summary>
public sealed record StoredRefreshToken(string TokenHash, string Username, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
