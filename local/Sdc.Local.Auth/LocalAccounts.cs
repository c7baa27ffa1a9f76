using Sdc.Catalog;

namespace Sdc.Local.Auth;

/// <summary>
/// Managing the local issuer's users (<c>sdc users</c>): the rules a user must meet before the
/// catalog stores it. Names follow Cognito's (1 to 128 letters, digits, marks, symbols or
/// punctuation, no white space), passwords are at least <see cref="MinimumPasswordLength"/>
/// characters and stored only as a <see cref="PasswordHasher"/> hash, groups are SDC groups.
/// </summary>
public sealed class LocalAccounts(IUserCatalog users, GroupNames groupNames, TimeProvider timeProvider)
{
    public const int MinimumPasswordLength = 8;

    // Cognito's own limits for usernames and passwords.
    private const int MaximumUsernameLength = 128;
    private const int MaximumPasswordLength = 256;

    /// <summary>
    /// Adds a user. Throws <see cref="ArgumentException"/> for a bad name or a short password,
    /// <see cref="InvalidGroupException"/> for a group that is not an SDC group, and
    /// <see cref="UserAlreadyExistsException"/> when the name is taken.
    /// </summary>
    public async Task<CatalogUser> AddAsync(string username, string password, IReadOnlyList<string> groups, CancellationToken cancellationToken)
    {
        ValidateUsername(username);
        ValidatePassword(password);
        ArgumentNullException.ThrowIfNull(groups);
        groupNames.Validate(groups);
        var user = new CatalogUser(username, PasswordHasher.Hash(password), groups.Distinct(StringComparer.Ordinal).ToList(), timeProvider.GetUtcNow());
        await users.AddAsync(user, cancellationToken);
        return user;
    }

    public Task<IReadOnlyList<CatalogUser>> ListAsync(CancellationToken cancellationToken) => users.ListAsync(cancellationToken);

    /// <summary>Removes a user and signs them out everywhere (their refresh tokens go with them); false when there was no such user.</summary>
    public Task<bool> RemoveAsync(string username, CancellationToken cancellationToken) => users.RemoveAsync(username, cancellationToken);

    /// <summary>Sets a new password (same rules as <see cref="AddAsync"/>); false when there is no such user.</summary>
    public Task<bool> SetPasswordAsync(string username, string password, CancellationToken cancellationToken)
    {
        ValidatePassword(password);
        return users.SetPasswordHashAsync(username, PasswordHasher.Hash(password), cancellationToken);
    }

    /// <summary>Replaces a user's groups (checked as in <see cref="AddAsync"/>); false when there is no such user.</summary>
    public Task<bool> SetGroupsAsync(string username, IReadOnlyList<string> groups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groups);
        groupNames.Validate(groups);
        return users.SetGroupsAsync(username, groups.Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
    }

    // The exceptions below carry no parameter name: their messages say what is wrong, and are shown
    // to the user as they are.
    public static void ValidateUsername(string username)
    {
        ArgumentNullException.ThrowIfNull(username);
        if (username.Length is 0 or > MaximumUsernameLength
            || username.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException(
                $"User name '{username}' is not valid: 1 to {MaximumUsernameLength} characters, no spaces or control characters.");
        }
    }

    public static void ValidatePassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length < MinimumPasswordLength)
        {
            throw new ArgumentException($"The password is too short: at least {MinimumPasswordLength} characters.");
        }
        if (password.Length > MaximumPasswordLength)
        {
            throw new ArgumentException($"The password is too long: at most {MaximumPasswordLength} characters.");
        }
    }
}
