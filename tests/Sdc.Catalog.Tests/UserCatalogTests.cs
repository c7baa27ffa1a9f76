namespace Sdc.Catalog.Tests;

/// <summary>
/// The local issuer's users and refresh tokens, run on both engines through <see cref="CatalogTests"/>.
/// </summary>
public abstract partial class CatalogTests
{
    private static readonly DateTimeOffset Joined = new(2021, 2, 24, 6, 0, 0, 123, TimeSpan.Zero);

    private static CatalogUser User(string name = "alice", params string[] groups) =>
        new(name, "pbkdf2-sha256$210000$c2FsdA==$aGFzaA==", groups.Length == 0 ? ["team", "itf-exi"] : groups, Joined);

    private static StoredRefreshToken Token(string hash, string username, DateTimeOffset expiresAt) =>
        new(hash, username, Joined, expiresAt);

    [Fact]
    public async Task UsersAddAsync_NewUser_FindsItAsStored()
    {
        await Catalog.Users.AddAsync(User(), Ct);

        var found = await Catalog.Users.FindAsync("alice", Ct);

        Assert.NotNull(found);
        Assert.Equal("alice", found.Username);
        Assert.Equal(User().PasswordHash, found.PasswordHash);
        Assert.Equal(["team", "itf-exi"], found.Groups);
        Assert.Equal(Joined, found.CreatedAt);
        Assert.Null(await Catalog.Users.FindAsync("Alice", Ct));
    }

    [Fact]
    public async Task UsersAddAsync_ExistingName_ThrowsNamingItAndKeepsTheFirst()
    {
        await Catalog.Users.AddAsync(User(), Ct);

        var error = await Assert.ThrowsAsync<UserAlreadyExistsException>(
            () => Catalog.Users.AddAsync(User("alice", "admin") with { PasswordHash = "other" }, Ct));

        Assert.Contains("'alice' already exists", error.Message, StringComparison.Ordinal);
        var kept = await Catalog.Users.FindAsync("alice", Ct);
        Assert.Equal(["team", "itf-exi"], kept!.Groups);
        Assert.Equal(User().PasswordHash, kept.PasswordHash);
    }

    [Fact]
    public async Task UsersAddAsync_NoGroups_ReadsBackEmpty()
    {
        await Catalog.Users.AddAsync(User() with { Groups = [] }, Ct);

        Assert.Empty((await Catalog.Users.FindAsync("alice", Ct))!.Groups);
    }

    [Fact]
    public async Task UsersAddAsync_GroupWithSpace_ThrowsAndStoresNothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Catalog.Users.AddAsync(User("alice", "team admin"), Ct));

        Assert.Empty(await Catalog.Users.ListAsync(Ct));
    }

    [Fact]
    public async Task UsersListAsync_SeveralUsers_ByName()
    {
        await Catalog.Users.AddAsync(User("carol", "admin"), Ct);
        await Catalog.Users.AddAsync(User("alice"), Ct);
        await Catalog.Users.AddAsync(User("bob", "itf-emu"), Ct);

        var users = await Catalog.Users.ListAsync(Ct);

        Assert.Equal(["alice", "bob", "carol"], users.Select(u => u.Username));
        Assert.Equal(["itf-emu"], users[1].Groups);
    }

    [Fact]
    public async Task UsersRemoveAsync_UserWithTokens_RemovesUserAndOnlyTheirTokens()
    {
        await Catalog.Users.AddAsync(User("alice"), Ct);
        await Catalog.Users.AddAsync(User("bob"), Ct);
        await Catalog.Users.StoreRefreshTokenAsync(Token("a1", "alice", Joined.AddDays(30)), Ct);
        await Catalog.Users.StoreRefreshTokenAsync(Token("a2", "alice", Joined.AddDays(30)), Ct);
        await Catalog.Users.StoreRefreshTokenAsync(Token("b1", "bob", Joined.AddDays(30)), Ct);

        Assert.True(await Catalog.Users.RemoveAsync("alice", Ct));

        Assert.Null(await Catalog.Users.FindAsync("alice", Ct));
        Assert.Null(await Catalog.Users.FindRefreshTokenAsync("a1", Ct));
        Assert.Null(await Catalog.Users.FindRefreshTokenAsync("a2", Ct));
        Assert.NotNull(await Catalog.Users.FindRefreshTokenAsync("b1", Ct));
        Assert.False(await Catalog.Users.RemoveAsync("alice", Ct));
    }

    [Fact]
    public async Task UsersSetPasswordHashAndGroups_ExistingAndUnknownUser_UpdateOnlyTheExisting()
    {
        await Catalog.Users.AddAsync(User(), Ct);

        Assert.True(await Catalog.Users.SetPasswordHashAsync("alice", "new-hash", Ct));
        Assert.True(await Catalog.Users.SetGroupsAsync("alice", ["admin"], Ct));
        Assert.False(await Catalog.Users.SetPasswordHashAsync("nobody", "new-hash", Ct));
        Assert.False(await Catalog.Users.SetGroupsAsync("nobody", ["admin"], Ct));

        var user = await Catalog.Users.FindAsync("alice", Ct);
        Assert.Equal("new-hash", user!.PasswordHash);
        Assert.Equal(["admin"], user.Groups);
        Assert.Null(await Catalog.Users.FindAsync("nobody", Ct));
    }

    [Fact]
    public async Task UsersStoreRefreshTokenAsync_KnownUser_FindsAndDeletesByHash()
    {
        await Catalog.Users.AddAsync(User(), Ct);
        var token = Token(new string('c', 64), "alice", Joined.AddDays(30));

        await Catalog.Users.StoreRefreshTokenAsync(token, Ct);

        Assert.Equal(token, await Catalog.Users.FindRefreshTokenAsync(token.TokenHash, Ct));
        Assert.True(await Catalog.Users.DeleteRefreshTokenAsync(token.TokenHash, Ct));
        Assert.Null(await Catalog.Users.FindRefreshTokenAsync(token.TokenHash, Ct));
        Assert.False(await Catalog.Users.DeleteRefreshTokenAsync(token.TokenHash, Ct));
    }

    [Fact]
    public async Task UsersStoreRefreshTokenAsync_UnknownUser_ThrowsAndStoresNothing()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Catalog.Users.StoreRefreshTokenAsync(Token("x", "nobody", Joined.AddDays(30)), Ct));

        Assert.Contains("nobody", error.Message, StringComparison.Ordinal);
        Assert.Null(await Catalog.Users.FindRefreshTokenAsync("x", Ct));
    }

    [Fact]
    public async Task UsersDeleteExpiredRefreshTokensAsync_MixedExpiry_DeletesOnlyExpired()
    {
        await Catalog.Users.AddAsync(User(), Ct);
        var now = Joined.AddDays(10);
        await Catalog.Users.StoreRefreshTokenAsync(Token("past", "alice", now.AddSeconds(-1)), Ct);
        await Catalog.Users.StoreRefreshTokenAsync(Token("now", "alice", now), Ct);
        await Catalog.Users.StoreRefreshTokenAsync(Token("later", "alice", now.AddSeconds(1)), Ct);

        Assert.Equal(2, await Catalog.Users.DeleteExpiredRefreshTokensAsync(now, Ct));

        Assert.Null(await Catalog.Users.FindRefreshTokenAsync("past", Ct));
        Assert.Null(await Catalog.Users.FindRefreshTokenAsync("now", Ct));
        Assert.NotNull(await Catalog.Users.FindRefreshTokenAsync("later", Ct));
    }
}
