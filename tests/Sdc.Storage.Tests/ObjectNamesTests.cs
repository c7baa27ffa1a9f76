namespace Sdc.Storage.Tests;

/// <summary>The naming rules on their own; every adapter also runs them through the contract tests.</summary>
public sealed class ObjectNamesTests
{
    public static TheoryData<string> ValidKeys => new()
    {
        "a",
        "l0/exi/2024/01/emm_exi_l0_20240101.dat",
        ".hidden",
        "..a",
        "a..",
        "a/...",
        "a b/c+d=e&f%20g",
        "~/x",
        "Mars ☉/élan/\U0001F680",
        new string('k', ObjectNames.MaxKeyBytes),
        new string('é', ObjectNames.MaxKeyBytes / 2),
    };

    public static TheoryData<string> ValidBuckets => new()
    {
        "inbox", "archive", "products", "public", "web", "sdc-staging-inbox-1a2b3c", "a.b.c", "abc", new string('a', 63), "1bucket",
    };

    [Theory]
    [MemberData(nameof(ValidKeys))]
    public void ValidateKey_ValidKey_DoesNotThrow(string key)
    {
        ObjectNames.ValidateKey(key);

        Assert.True(ObjectNames.IsValidKey(key));
    }

    [Theory]
    [MemberData(nameof(ValidBuckets))]
    public void ValidateBucket_ValidName_DoesNotThrow(string bucket)
    {
        ObjectNames.ValidateBucket(bucket);

        Assert.True(ObjectNames.IsValidBucket(bucket));
    }

    [Theory]
    [MemberData(nameof(ObjectStoreContractTests.InvalidKeys), MemberType = typeof(ObjectStoreContractTests))]
    public void ValidateKey_InvalidKey_ThrowsWithRule(string key, string rule)
    {
        var ex = Assert.Throws<InvalidObjectKeyException>(() => ObjectNames.ValidateKey(key));

        Assert.Contains(rule, ex.Rule, StringComparison.Ordinal);
        Assert.False(ObjectNames.IsValidKey(key));
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("ab")]
    [InlineData("a_b")]
    [InlineData("-ab")]
    [InlineData("ab-")]
    [InlineData("a..b")]
    [InlineData("10.0.0.1")]
    [InlineData("xn--abc")]
    [InlineData("sthree-abc")]
    [InlineData("abc-s3alias")]
    [InlineData("abc--ol-s3")]
    [InlineData(".sdc-store")]
    public void ValidateBucket_InvalidName_ThrowsNamingIt(string bucket)
    {
        var ex = Assert.Throws<InvalidBucketNameException>(() => ObjectNames.ValidateBucket(bucket));

        Assert.Equal(bucket, ex.Bucket);
        Assert.Contains(bucket, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateBucket_SixtyFourCharacters_Throws()
    {
        Assert.Throws<InvalidBucketNameException>(() => ObjectNames.ValidateBucket(new string('a', 64)));
    }

    [Fact]
    public void ValidateKey_OneByteTooLong_Throws()
    {
        Assert.Throws<InvalidObjectKeyException>(() => ObjectNames.ValidateKey(new string('k', ObjectNames.MaxKeyBytes + 1)));
        Assert.Throws<InvalidObjectKeyException>(() => ObjectNames.ValidateKey(new string('é', ObjectNames.MaxKeyBytes / 2) + "k"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("a/")]
    [InlineData("a/b/")]
    [InlineData("a/b/.")]
    [InlineData("a/b/..")]
    [InlineData("a/b/c")]
    public void ValidatePrefix_StartOfAValidKey_DoesNotThrow(string prefix)
    {
        ObjectNames.ValidatePrefix(prefix);
    }

    [Fact]
    public void ForDisplay_HugeKeyWithControlCharacters_IsShortAndEscaped()
    {
        var shown = ObjectNames.ForDisplay("\n" + new string('k', 10_000));

        Assert.StartsWith("\\u000akkk", shown, StringComparison.Ordinal);
        Assert.EndsWith("(10001 characters)", shown, StringComparison.Ordinal);
        Assert.True(shown.Length < 200);
        Assert.DoesNotContain('\n', shown);
    }
}
