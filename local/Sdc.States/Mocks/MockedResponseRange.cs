namespace Sdc.States.Mocks;

/// <summary>
/// One key of a mocked response: the invocations it answers (<c>"0"</c> is 0 to 0, <c>"1-2"</c> is 1 to 2,
/// both ends included, counting from 0) and what they do.
/// </summary>
public sealed record MockedResponseRange(string Key, int First, int Last, MockedOutcome Outcome)
{
    public bool Covers(int invocation) => invocation >= First && invocation <= Last;
}
