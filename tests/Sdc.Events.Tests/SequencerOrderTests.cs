namespace Sdc.Events.Tests;

public sealed class SequencerOrderTests
{
    /// <summary>Pairs (older, newer) of sequencers for the same key.</summary>
    public static TheoryData<string, string> OlderNewer => new()
    {
        { "0055AED6DCD90281E5", "0055AED6DCD90281E6" },
        { "0", "1" },
        { "09", "0A" },
        // Hex digit values, not characters: ordinal comparison would put 'a' (0x61) after 'C' (0x43).
        { "00ab", "00AC" },
        { "00AB", "00ac" },
        // Different lengths: the shorter is padded with zeros on the right ...
        { "0055AED6DCD9", "0055AED6DCD90281E5" },
        { "617f08299329d189", "617f08299329d18901" },
        // ... so a short value can be the newer one, where comparing as numbers would say the opposite.
        { "0055AED6DCD90281E5", "0055AED6DCDA" },
        { "0FFFFFFFFF", "1" },
    };

    [Theory]
    [MemberData(nameof(OlderNewer))]
    public void Compare_OlderThenNewer_IsNegativeBothWays(string older, string newer)
    {
        Assert.True(SequencerOrder.Instance.Compare(older, newer) < 0);
        Assert.True(SequencerOrder.Instance.Compare(newer, older) > 0);
    }

    [Theory]
    [MemberData(nameof(OlderNewer))]
    public void IsNewer_OlderThenNewer_SaysWhichIsNewer(string older, string newer)
    {
        Assert.True(SequencerOrder.IsNewer(newer, older));
        Assert.False(SequencerOrder.IsNewer(older, newer));
    }

    [Theory]
    [InlineData("0055AED6DCD90281E5", "0055AED6DCD90281E5")]
    [InlineData("00ab", "00AB")]
    [InlineData("0A", "0a00")]
    [InlineData("617f08299329d189", "617f08299329d1890000")]
    public void Compare_SameValue_IsZero(string x, string y)
    {
        Assert.Equal(0, SequencerOrder.Instance.Compare(x, y));
        Assert.Equal(0, SequencerOrder.Instance.Compare(y, x));
        Assert.False(SequencerOrder.IsNewer(x, y));
    }

    [Theory]
    [InlineData("")]
    [InlineData("xyz")]
    [InlineData("0x1F")]
    [InlineData(" 1F")]
    [InlineData("12-3")]
    [InlineData("0055AED6DCD9028\u0661")]
    public void Compare_NotASequencer_Throws(string bad)
    {
        Assert.False(SequencerOrder.IsValid(bad));
        var ex = Assert.Throws<ArgumentException>(() => SequencerOrder.Instance.Compare("0A", bad));
        Assert.Equal("y", ex.ParamName);
        Assert.Throws<ArgumentException>(() => SequencerOrder.IsNewer(bad, "0A"));
    }

    [Fact]
    public void Compare_Null_SortsFirst()
    {
        Assert.True(SequencerOrder.Instance.Compare(null, "0") < 0);
        Assert.True(SequencerOrder.Instance.Compare("0", null) > 0);
        Assert.Equal(0, SequencerOrder.Instance.Compare(null, null));
    }

    [Fact]
    public void Sort_ShuffledSequencers_PutsThemInEventOrder()
    {
        string[] inOrder = ["0055AED6DC", "0055AED6DCD90281E5", "0055aed6dcd90281e6", "0055AED6DCDA", "0056"];
        var shuffled = new List<string> { inOrder[3], inOrder[0], inOrder[4], inOrder[2], inOrder[1] };

        shuffled.Sort(SequencerOrder.Instance);

        Assert.Equal(inOrder, shuffled);
    }
}
