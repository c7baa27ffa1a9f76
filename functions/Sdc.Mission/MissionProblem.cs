namespace Sdc.Mission;

/// <summary>One problem in a mission file: where it is (1-based line and column), which setting, and what is wrong.</summary>
public sealed record MissionProblem(string Source, int Line, int Column, string Path, string Message)
{
    public override string ToString() =>
        Path.Length == 0 ? $"{Source}:{Line}:{Column}: {Message}" : $"{Source}:{Line}:{Column}: {Path}: {Message}";
}
