namespace Sdc.States.Validation;

/// <summary>One validation run: the options, the problems found so far and the state names already declared.</summary>
internal sealed class ValidationContext(ValidationOptions options)
{
    private readonly List<ValidationProblem> problems = [];

    // State names are unique across the whole machine, branches and item processors included.
    private readonly Dictionary<string, string> declaredStates = new(StringComparer.Ordinal);

    public ValidationOptions Options => options;

    public IReadOnlyList<ValidationProblem> Problems => problems;

    public void Report(string? stateName, string path, string code, string message) =>
        problems.Add(new ValidationProblem(stateName, path, code, message));

    /// <summary>Records a state name; false (with where it was first declared) when the machine already has it.</summary>
    public bool TryDeclareState(string name, string path, out string firstPath)
    {
        if (declaredStates.TryGetValue(name, out var existing))
        {
            firstPath = existing;
            return false;
        }
        declaredStates[name] = path;
        firstPath = path;
        return true;
    }
}
