using Dapper;
using Sdc.Catalog.Engines;

namespace Sdc.Catalog.Users;

/// <summary>The <c>users</c> and <c>refresh_tokens</c> tables.</summary>
internal sealed class UserRepository(CatalogDatabase database) : IUserCatalog
{
    // ON CONFLICT rather than look-then-insert: two `sdc users add` at once cannot both win, and
    // neither engine reports the race as an error to tell apart.
    private const string InsertUserSql = """
        INSERT INTO users (username, password_hash, groups, created_at)
        VALUES (@Username, @PasswordHash, @Groups, @CreatedAt)
        ON CONFLICT (username) DO NOTHING
        """;

    private const string UserColumns = "username AS Username, password_hash AS PasswordHash, groups AS Groups, created_at AS CreatedAt";

    private const string SelectUserSql = $"SELECT {UserColumns} FROM users WHERE username = @Username";

    private const string SelectUsersSql = $"SELECT {UserColumns} FROM users ORDER BY username";

    private const string UpdatePasswordSql = "UPDATE users SET password_hash = @PasswordHash WHERE username = @Username";

    private const string UpdateGroupsSql = "UPDATE users SET groups = @Groups WHERE username = @Username";

    // The schema's ON DELETE CASCADE is not relied on: a SQLite connection without foreign keys
    // switched on would leave the tokens behind, and a token must never outlive its user.
    private const string DeleteUserTokensSql = "DELETE FROM refresh_tokens WHERE username = @Username";

    private const string DeleteUserSql = "DELETE FROM users WHERE username = @Username";

    // Inserts only for an existing user, for the same reason: the answer must not depend on
    // whether the engine enforces the foreign key.
    private const string InsertTokenSql = """
        INSERT INTO refresh_tokens (token_hash, username, created_at, expires_at)
        SELECT @TokenHash, @Username, @CreatedAt, @ExpiresAt
        WHERE EXISTS (SELECT 1 FROM users WHERE username = @Username)
        """;

    private const string SelectTokenSql = """
        SELECT token_hash AS TokenHash, username AS Username, created_at AS CreatedAt, expires_at AS ExpiresAt
        FROM refresh_tokens WHERE token_hash = @TokenHash
        """;

    private const string DeleteTokenSql = "DELETE FROM refresh_tokens WHERE token_hash = @TokenHash";

    private const string DeleteExpiredTokensSql = "DELETE FROM refresh_tokens WHERE expires_at <= @Now";

    public async Task AddAsync(CatalogUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(user.Username, nameof(user));
        ArgumentException.ThrowIfNullOrWhiteSpace(user.PasswordHash, nameof(user));
        var groups = GroupsText(user.Groups);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var added = await connection.ExecuteAsync(new CommandDefinition(InsertUserSql, new
        {
            user.Username,
            user.PasswordHash,
            Groups = groups,
            CreatedAt = UtcMicros.Truncate(user.CreatedAt),
        }, cancellationToken: cancellationToken));
        if (added == 0)
        {
            throw UserAlreadyExistsException.For(user.Username);
        }
    }

    public async Task<CatalogUser?> FindAsync(string username, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            SelectUserSql, new { Username = username }, cancellationToken: cancellationToken));
        return row?.ToUser();
    }

    public async Task<IReadOnlyList<CatalogUser>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserRow>(new CommandDefinition(SelectUsersSql, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToUser()).ToList();
    }

    public async Task<bool> RemoveAsync(string username, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var parameters = new { Username = username };
        await connection.ExecuteAsync(new CommandDefinition(DeleteUserTokensSql, parameters, transaction, cancellationToken: cancellationToken));
        var removed = await connection.ExecuteAsync(new CommandDefinition(DeleteUserSql, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return removed > 0;
    }

    public async Task<bool> SetPasswordHashAsync(string username, string passwordHash, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(UpdatePasswordSql, new { Username = username, PasswordHash = passwordHash },
            cancellationToken: cancellationToken)) > 0;
    }

    public async Task<bool> SetGroupsAsync(string username, IReadOnlyList<string> groups, CancellationToken cancellationToken)
    {
        var text = GroupsText(groups);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(UpdateGroupsSql, new { Username = username, Groups = text },
            cancellationToken: cancellationToken)) > 0;
    }

    public async Task StoreRefreshTokenAsync(StoredRefreshToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentException.ThrowIfNullOrWhiteSpace(token.TokenHash, nameof(token));
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var stored = await connection.ExecuteAsync(new CommandDefinition(InsertTokenSql, new
        {
            token.TokenHash,
            token.Username,
            CreatedAt = UtcMicros.Truncate(token.CreatedAt),
            ExpiresAt = UtcMicros.Truncate(token.ExpiresAt),
        }, cancellationToken: cancellationToken));
        if (stored == 0)
        {
            throw new InvalidOperationException($"No user '{token.Username}' to hold a refresh token.");
        }
    }

    public async Task<StoredRefreshToken?> FindRefreshTokenAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TokenRow>(new CommandDefinition(
            SelectTokenSql, new { TokenHash = tokenHash }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new StoredRefreshToken(row.TokenHash, row.Username, UtcMicros.ToDateTimeOffset(row.CreatedAt), UtcMicros.ToDateTimeOffset(row.ExpiresAt));
    }

    public async Task<bool> DeleteRefreshTokenAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(DeleteTokenSql, new { TokenHash = tokenHash }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<int> DeleteExpiredRefreshTokensAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(DeleteExpiredTokensSql, new { Now = UtcMicros.Truncate(now) },
            cancellationToken: cancellationToken));
    }

    // Space-separated, as the schema says; a group holding white space could not be read back.
    private static string GroupsText(IReadOnlyList<string> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        foreach (var group in groups)
        {
            if (string.IsNullOrEmpty(group) || group.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException($"Group name '{group}' is empty or holds white space.", nameof(groups));
            }
        }
        return string.Join(' ', groups.Distinct(StringComparer.Ordinal));
    }

    private sealed class UserRow
    {
        public string Username { get; set; } = "";

        public string PasswordHash { get; set; } = "";

        public string Groups { get; set; } = "";

        public long CreatedAt { get; set; }

        public CatalogUser ToUser() => new(
            Username, PasswordHash, Groups.Split(' ', StringSplitOptions.RemoveEmptyEntries), UtcMicros.ToDateTimeOffset(CreatedAt));
    }

    private sealed class TokenRow
    {
        public string TokenHash { get; set; } = "";

        public string Username { get; set; } = "";

        public long CreatedAt { get; set; }

        public long ExpiresAt { get; set; }
    }
}
