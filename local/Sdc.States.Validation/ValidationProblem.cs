namespace Sdc.States.Validation;

/// <summary>One thing wrong with a state machine definition.</summary>
/// <param name="StateName">The state the problem belongs to; for a problem of a Parallel branch or a Map's item
/// processor as a whole, the Parallel or Map state; null for the top level of the definition.</param>
/// <param name="Path">Where in the definition, as field names and array indexes: <c>States.Wait1.Seconds</c>,
/// <c>States.Fetch.Retry[0].BackoffRate</c>, <c>StartAt</c>.</param>
/// <param name="Code">A stable identifier of the rule broken (one of <see cref="ProblemCodes"/>).</param>
/// <param name="Message">What is wrong and what is expected instead.</param>
public sealed record ValidationProblem(string? StateName, string Path, string Code, string Message)
{
    public override string ToString() => $"{StateName ?? "(top level)"}: {Path}: {Message} [{Code}]";
}
