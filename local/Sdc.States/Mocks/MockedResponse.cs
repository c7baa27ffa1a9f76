namespace Sdc.States.Mocks;

/// <summary>
/// A named entry of <c>MockedResponses</c>: what each successive invocation of the Task state that
/// uses it does. Its ranges start at 0 and follow each other without gap or overlap (checked on load).
/// </summary>
public sealed class MockedResponse
{
    internal MockedResponse(string name, IReadOnlyList<MockedResponseRange> ranges)
    {
        Name = name;
        Ranges = ranges;
    }

    public string Name { get; }

    /// <summary>The ranges in invocation order.</summary>
    public IReadOnlyList<MockedResponseRange> Ranges { get; }

    /// <summary>How many invocations this response answers; invocation <c>InvocationCount</c> and later have no answer.</summary>
    public int InvocationCount => Ranges.Count == 0 ? 0 : Ranges[^1].Last + 1;

    /// <summary>
    /// The outcome of invocation <paramref name="invocation"/> (0 for the first), or null past the last
    /// range: Step Functions Local wants a response for every invocation and fails the execution
    /// otherwise, rather than repeating the last one.
    /// </summary>
    public MockedOutcome? ForInvocation(int invocation)
    {
        foreach (var range in Ranges)
        {
            if (range.Covers(invocation))
            {
                return range.Outcome;
            }
        }
        return null;
    }
}
