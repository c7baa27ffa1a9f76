namespace Sdc.States.Validation.Tests;

/// <summary>A problem an invalid fixture must produce: its code and the state it names (null for the top level).</summary>
internal sealed record ExpectedProblem(string Code, string? State)
{
    public override string ToString() => $"{Code} @ {State ?? "(top level)"}";
}
