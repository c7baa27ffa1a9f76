namespace Sdc.Local.Batch;

/// <summary>
/// How to run one kind of job (on AWS: a Batch job definition, one per processor). The command runs
/// with <see cref="Arguments"/> only; the job itself reaches it through the request's environment
/// (<c>SDC_JOB</c>), as in the container.
/// </summary>
public sealed record JobDefinition
{
    /// <param name="name">The name requests give as <see cref="BatchJobRequest.Definition"/>, e.g. <c>exi</c>.</param>
    /// <param name="command">An executable: a path (relative ones against the runner's current directory) or a name looked up on PATH.</param>
    /// <param name="arguments">Arguments after the command; none by default.</param>
    /// <param name="successExitCodes">Exit codes that mean success; by default the processor contract's 0 (OK) and 3 (OK with warnings).</param>
    public JobDefinition(string name, string command, IReadOnlyList<string>? arguments = null, IReadOnlyList<int>? successExitCodes = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        Name = name;
        Command = command;
        Arguments = arguments ?? [];
        SuccessExitCodes = successExitCodes ?? ProcessorSuccessExitCodes;
    }

    /// <summary>The processor contract's successful exit codes: 0 OK, 3 OK with warnings (1 processing error and 2 bad input fail).</summary>
    public static IReadOnlyList<int> ProcessorSuccessExitCodes { get; } = [0, 3];

    public string Name { get; init; }

    public string Command { get; init; }

    public IReadOnlyList<string> Arguments { get; init; }

    public IReadOnlyList<int> SuccessExitCodes { get; init; }
}
