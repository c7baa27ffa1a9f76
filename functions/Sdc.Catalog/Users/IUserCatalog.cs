namespace Sdc.Catalog;

/// <summary>
/// The local issuer's users and refresh tokens (<c>users</c>, <c>refresh_tokens</c>). Names are
/// compared exactly (case-sensitive). The catalog does not judge group names or passwords: the
/// issuer's account rules do, before anything reaches here.
/// </summary>
public interface IUserCatalog
{
    /// <summary>
    /// Adds a user. Throws <see cref="UserAlreadyExistsException"/> when the name is taken (the
    /// existing user is left as it was), <see cref="ArgumentException"/> for an empty name or a
    /// group name that is empty or holds white space.
    /// </summary>
    Task AddAsync(CatalogUser user, CancellationToken cancellationToken);

    Task<CatalogUser?> FindAsync(string username, CancellationToken cancellationToken);

    /// <summary>Every user, by name.</summary>
    Task<IReadOnlyList<CatalogUser>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Removes a user and every refresh token they hold; false when there was no such user.</summary>
    Task<bool> RemoveAsync(string username, CancellationToken cancellationToken);

    /// <summary>Replaces a user's password hash; false when there is no such user. Refresh tokens stay valid.</summary>
    Task<bool> SetPasswordHashAsync(string username, string passwordHash, CancellationToken cancellationToken);

    /// <summary>Replaces a user's groups; false when there is no such user. Tokens already issued keep the old groups until they expire.</summary>
    Task<bool> SetGroupsAsync(string username, IReadOnlyList<string> groups, CancellationToken cancellationToken);

    /// <summary>Records a refresh token by its hash. Throws <see cref="InvalidOperationException"/> when the user does not exist.</summary>
    Task StoreRefreshTokenAsync(StoredRefreshToken token, CancellationToken cancellationToken);

    /// <summary>The token with this hash, expired or not (the caller judges expiry), or null.</summary>
    Task<StoredRefreshToken?> FindRefreshTokenAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Forgets one token (sign-out); false when it was not there.</summary>
    Task<bool> DeleteRefreshTokenAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Forgets every token that expired at or before <paramref name="now"/>, and returns how many.</summary>
    Task<int> DeleteExpiredRefreshTokensAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
