namespace Sdc.States.Validation;

/// <summary>What the host that will run the definition supports.</summary>
public sealed record ValidationOptions
{
    /// <summary>Any resource accepted, JSONata not supported.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>
    /// The host's registry of Task resources: a Task whose <c>Resource</c> it rejects is reported, so an
    /// unknown resource fails at validation rather than in the middle of a run. Null accepts any resource.
    /// </summary>
    public Func<string, bool>? IsKnownResource { get; init; }

    /// <summary>
    /// Whether the host evaluates JSONata. When false, a <c>QueryLanguage</c> of <c>JSONata</c> is reported as
    /// <see cref="ProblemCodes.UnsupportedQueryLanguage"/>. JSONata states are checked for their shape either way;
    /// their expressions are not parsed.
    /// </summary>
    public bool JsonataSupported { get; init; }
}
