namespace Sdc.Mission;

/// <summary>A mission file that cannot be used, with every problem found in it, each with its line.</summary>
public sealed class MissionFileException(IReadOnlyList<MissionProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<MissionProblem> Problems { get; } = problems;
}
