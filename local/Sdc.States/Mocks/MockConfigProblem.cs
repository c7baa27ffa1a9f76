namespace Sdc.States.Mocks;

/// <summary>One thing wrong with a mock config file: where (state machine, test case, response, key) and what.</summary>
public sealed record MockConfigProblem(string Location, string Message)
{
    public override string ToString() => Location.Length == 0 ? Message : $"{Location}: {Message}";
}
