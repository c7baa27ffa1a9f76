using Sdc.States.Validation;

namespace Sdc.States;

/// <summary>A definition that cannot run, with every problem found in it (each naming its state).</summary>
public sealed class StateMachineValidationException(IReadOnlyList<ValidationProblem> problems)
    : FormatException("The state machine definition is not valid:" + Environment.NewLine +
        string.Join(Environment.NewLine, problems.Select(p => $"  {p.StateName ?? "(top level)"}: {p.Path}: {p.Message} [{p.Code}]")))
{
    public IReadOnlyList<ValidationProblem> Problems { get; } = problems;
}
