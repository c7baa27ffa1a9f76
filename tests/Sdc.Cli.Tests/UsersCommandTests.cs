namespace Sdc.Cli.Tests;

public sealed class UsersCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string Data => Path.Combine(_dir.Path, "data");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task UsersAdd_ValidUser_StoredWithAHashAndListed()
    {
        var add = await RunAsync("users", "add", "ana", "--password", "s3cret-pass", "--group", "team", "--group", "itf-exi");
        var list = await RunAsync("users", "list");

        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Contains("Added user ana (groups: team, itf-exi)", add.Stdout, StringComparison.Ordinal);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Matches(@"ana\s+│\s+team itf-exi", list.Stdout);
        var hash = Assert.Single(CatalogFile.Column(Data, "SELECT password_hash FROM users WHERE username = 'ana'"));
        Assert.StartsWith("pbkdf2-sha256$", hash, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pass", hash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAdd_PasswordOnStandardInput_ReadsIt()
    {
        var add = await SdcProcess.RunWithInputAsync(_dir.Path, "piped-secret\n", "users", "add", "carol", "--group", "admin", "--data", Data);

        Assert.True(add.ExitCode == 0, add.ToString());
        var hash = Assert.Single(CatalogFile.Column(Data, "SELECT password_hash FROM users WHERE username = 'carol'"));
        Assert.StartsWith("pbkdf2-sha256$", hash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAdd_ExistingUser_Exit2AndKeepsTheFirst()
    {
        await RunAsync("users", "add", "ana", "--password", "s3cret-pass", "--group", "team");

        var again = await RunAsync("users", "add", "ana", "--password", "other-pass", "--group", "admin");

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("User 'ana' already exists", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(["team"], CatalogFile.Column(Data, "SELECT groups FROM users"));
    }

    [Theory]
    [InlineData("itf-sc", "Group 'itf-sc' is not an SDC group")]
    [InlineData("Admin", "Group 'Admin' is not an SDC group")]
    public async Task UsersAdd_BadGroup_Exit2NamingIt(string group, string message)
    {
        var result = await RunAsync("users", "add", "ana", "--password", "s3cret-pass", "--group", group);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("itf-emr, itf-emu, itf-exi", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAdd_ShortPassword_Exit2AndNothingStored()
    {
        var result = await RunAsync("users", "add", "ana", "--password", "1234567", "--group", "team");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("at least 8 characters", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(CatalogFile.Column(Data, "SELECT username FROM users"));
    }

    [Fact]
    public async Task UsersRemove_ExistingThenAgain_RemovesThenExit2()
    {
        await RunAsync("users", "add", "ana", "--password", "s3cret-pass", "--group", "team");

        var removed = await RunAsync("users", "remove", "ana");
        var again = await RunAsync("users", "remove", "ana");

        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Empty(CatalogFile.Column(Data, "SELECT username FROM users"));
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("No user 'ana'", again.Stderr, StringComparison.Ordinal);
    }

    private Task<SdcResult> RunAsync(params string[] args) => SdcProcess.RunAsync(_dir.Path, null, [.. args, "--data", Data]);
}
