using Sdc.Catalog;
using Sdc.Local.Auth.Tests.Support;

namespace Sdc.Local.Auth.Tests;

public sealed class LocalAccountsTests : IAsyncLifetime
{
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;
    private AuthWorld _world = null!;

    public async Task InitializeAsync() => _world = await AuthWorld.CreateAsync(_ct);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task AddAsync_ValidUser_StoresAHashNeverThePassword()
    {
        var added = await _world.Accounts.AddAsync("ana", "s3cret-pass", ["team", "itf-exi", "team"], _ct);

        var stored = await _world.Catalog.Users.FindAsync("ana", _ct);
        Assert.NotNull(stored);
        Assert.Equal(["team", "itf-exi"], stored.Groups);
        Assert.Equal(AuthWorld.Start, stored.CreatedAt);
        Assert.DoesNotContain("s3cret-pass", stored.PasswordHash, StringComparison.Ordinal);
        Assert.True(PasswordHasher.Verify("s3cret-pass", stored.PasswordHash));
        Assert.Equal(added.PasswordHash, stored.PasswordHash);
    }

    [Fact]
    public async Task AddAsync_ExistingName_ThrowsUserAlreadyExists()
    {
        await _world.Accounts.AddAsync("ana", "s3cret-pass", ["team"], _ct);

        var error = await Assert.ThrowsAsync<UserAlreadyExistsException>(() => _world.Accounts.AddAsync("ana", "other-pass", ["admin"], _ct));

        Assert.Contains("'ana' already exists", error.Message, StringComparison.Ordinal);
        Assert.Equal(["team"], (await _world.Catalog.Users.FindAsync("ana", _ct))!.Groups);
    }

    [Fact]
    public async Task AddAsync_ShortPassword_ThrowsAndStoresNothing()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _world.Accounts.AddAsync("ana", "1234567", ["team"], _ct));

        Assert.Contains("at least 8 characters", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _world.Accounts.ListAsync(_ct));
    }

    [Fact]
    public async Task AddAsync_BadGroup_ThrowsNamingItAndStoresNothing()
    {
        var error = await Assert.ThrowsAsync<InvalidGroupException>(() => _world.Accounts.AddAsync("ana", "s3cret-pass", ["team", "itf-mars"], _ct));

        Assert.Contains("'itf-mars'", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _world.Accounts.ListAsync(_ct));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ana maria")]
    [InlineData("tab\tname")]
    [InlineData("x129")]
    public async Task AddAsync_BadName_Throws(string name)
    {
        if (name == "x129")
        {
            name = new string('x', 129);
        }

        await Assert.ThrowsAsync<ArgumentException>(() => _world.Accounts.AddAsync(name, "s3cret-pass", ["team"], _ct));
    }

    [Fact]
    public async Task SetPasswordAsync_NewPassword_OldOneNoLongerVerifies()
    {
        await _world.Accounts.AddAsync("ana", "s3cret-pass", ["team"], _ct);

        Assert.True(await _world.Accounts.SetPasswordAsync("ana", "n3w-secret", _ct));

        var hash = (await _world.Catalog.Users.FindAsync("ana", _ct))!.PasswordHash;
        Assert.True(PasswordHasher.Verify("n3w-secret", hash));
        Assert.False(PasswordHasher.Verify("s3cret-pass", hash));
        Assert.False(await _world.Accounts.SetPasswordAsync("nobody", "n3w-secret", _ct));
    }

    [Fact]
    public async Task SetGroupsAsync_BadGroup_ThrowsAndKeepsGroups()
    {
        await _world.Accounts.AddAsync("ana", "s3cret-pass", ["team"], _ct);

        await Assert.ThrowsAsync<InvalidGroupException>(() => _world.Accounts.SetGroupsAsync("ana", ["root"], _ct));
        Assert.True(await _world.Accounts.SetGroupsAsync("ana", ["admin"], _ct));

        Assert.Equal(["admin"], (await _world.Catalog.Users.FindAsync("ana", _ct))!.Groups);
    }
}
