namespace Sdc.States.Mocks;

/// <summary>A mock config file that cannot be used, with every problem found in it (not just the first).</summary>
public sealed class MockConfigException : FormatException
{
    public MockConfigException(IReadOnlyList<MockConfigProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    public MockConfigException()
        : this([])
    {
    }

    public MockConfigException(string message)
        : this([new MockConfigProblem("", message)])
    {
    }

    public MockConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [new MockConfigProblem("", message)];
    }

    public IReadOnlyList<MockConfigProblem> Problems { get; }

    private static string Describe(IReadOnlyList<MockConfigProblem> problems) => problems.Count switch
    {
        0 => "The mock config is not valid.",
        1 => $"The mock config is not valid: {problems[0]}",
        _ => $"The mock config has {problems.Count} problems:" + string.Concat(problems.Select(p => $"{Environment.NewLine}  {p}")),
    };
}
