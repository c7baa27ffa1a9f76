namespace Sdc.Local.Auth.Tests;

public sealed class PasswordHasherTests
{
    [Fact]
    public void Hash_ThenVerifySamePassword_True()
    {
        var hash = PasswordHasher.Hash("correct horse");

        Assert.True(PasswordHasher.Verify("correct horse", hash));
    }

    [Fact]
    public void Hash_Format_NamesAlgorithmIterationsSaltAndHash()
    {
        var hash = PasswordHasher.Hash("correct horse");

        Assert.Matches(@"^pbkdf2-sha256\$600000\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$", hash);
        Assert.True(PasswordHasher.Iterations >= 210_000);
    }

    [Fact]
    public void Hash_SamePasswordTwice_DiffersBySalt()
    {
        Assert.NotEqual(PasswordHasher.Hash("correct horse"), PasswordHasher.Hash("correct horse"));
    }

    [Theory]
    [InlineData("correct horsE")]
    [InlineData("correct horse ")]
    [InlineData("")]
    public void Verify_WrongPassword_False(string attempt)
    {
        Assert.False(PasswordHasher.Verify(attempt, PasswordHasher.Hash("correct horse")));
    }

    [Fact]
    public void Verify_FewerIterationsWithinBounds_StillVerifies()
    {
        // A hash made with an older, lower work factor keeps working after the default grows.
        var older = PasswordHasher.Hash("correct horse", PasswordHasher.MinimumIterations);

        Assert.True(PasswordHasher.Verify("correct horse", older));
        Assert.False(PasswordHasher.Verify("wrong horse", older));
    }

    [Theory]
    [InlineData("hash")]
    [InlineData("salt")]
    [InlineData("iterations")]
    [InlineData("weak-iterations")]
    [InlineData("algorithm")]
    [InlineData("missing-part")]
    [InlineData("not-base64")]
    [InlineData("short-hash")]
    public void Verify_TamperedString_False(string tamper)
    {
        var parts = PasswordHasher.Hash("correct horse").Split('$');
        switch (tamper)
        {
            case "hash": parts[3] = Flip(parts[3]); break;
            case "salt": parts[2] = Flip(parts[2]); break;
            case "iterations": parts[1] = "600001"; break;
            case "weak-iterations": parts[1] = "1000"; break;
            case "algorithm": parts[0] = "pbkdf2-sha512"; break;
            case "missing-part": parts = parts[..3]; break;
            case "not-base64": parts[3] = "***"; break;
            case "short-hash": parts[3] = Convert.ToBase64String(Convert.FromBase64String(parts[3])[..16]); break;
        }

        Assert.False(PasswordHasher.Verify("correct horse", string.Join('$', parts)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("$$$")]
    [InlineData("pbkdf2-sha256$99999999999$AAAA$AAAA")]
    public void Verify_NotAHash_False(string encoded)
    {
        Assert.False(PasswordHasher.Verify("correct horse", encoded));
    }

    // Changes the first base64 character to another valid one, so the string still decodes.
    private static string Flip(string base64) => (base64[0] == 'A' ? 'B' : 'A') + base64[1..];
}
