namespace Sdc.Processing.Tests;

/// <summary>Tests that set the process's environment (SDC_JOB, SDC_S3_ENDPOINT) run one at a time: it is shared by every test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "process environment";
}
