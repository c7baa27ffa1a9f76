using Sdc.Pipeline;

namespace Sdc.Functions;

/// <summary>
/// The AWS Batch queues and job definitions a deployment created for the planner's logical names:
/// the planner (which runs locally too) plans on the queues <see cref="Queues.Production"/> and
/// <see cref="Queues.Reprocessing"/> with a definition named after the instrument, and the
/// catalog keeps those; only the Plan task's output, which Step Functions hands to
/// <c>batch:submitJob.sync</c>, carries the physical names.
/// </summary>
public sealed class BatchNames
{
    /// <summary>The production queue's ARN or name.</summary>
    public const string ProductionQueueVariable = "SDC_JOB_QUEUE_PRODUCTION";

    /// <summary>The low-priority reprocessing queue's ARN or name.</summary>
    public const string ReprocessingQueueVariable = "SDC_JOB_QUEUE_REPROCESSING";

    /// <summary>What comes before the instrument in a job definition's name (<c>sdc-staging-</c> gives <c>sdc-staging-exi</c>).</summary>
    public const string DefinitionPrefixVariable = "SDC_JOB_DEFINITION_PREFIX";

    private readonly Dictionary<string, string> _queues;

    public BatchNames(IReadOnlyDictionary<string, string> queues, string definitionPrefix)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentException.ThrowIfNullOrEmpty(definitionPrefix);
        _queues = new Dictionary<string, string>(queues, StringComparer.Ordinal);
        DefinitionPrefix = definitionPrefix;
    }

    public IReadOnlyDictionary<string, string> QueuesByLogical => _queues;

    public string DefinitionPrefix { get; }

    /// <summary>Reads SDC_JOB_QUEUE_PRODUCTION, SDC_JOB_QUEUE_REPROCESSING and SDC_JOB_DEFINITION_PREFIX from the process.</summary>
    public static BatchNames FromEnvironment() => From(Environment.GetEnvironmentVariable);

    /// <summary>Reads the three variables through <paramref name="variables"/>; a missing or empty one fails, named.</summary>
    public static BatchNames From(Func<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        string Required(string variable, string expected) => variables(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set; the deployment must give {expected}.");
        return new BatchNames(
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [Queues.Production] = Required(ProductionQueueVariable, "the ARN or name of the AWS Batch queue for daily processing"),
                [Queues.Reprocessing] = Required(ReprocessingQueueVariable, "the ARN or name of the low-priority AWS Batch queue for reprocessing"),
            },
            Required(DefinitionPrefixVariable, "the prefix of the AWS Batch job definitions' names, which end with the instrument (e.g. 'sdc-staging-' for 'sdc-staging-exi')"));
    }

    /// <summary>The plan with each job's logical queue and definition replaced by the deployment's.</summary>
    public PlanResult Apply(PlanResult plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan with { Jobs = [.. plan.Jobs.Select(job => job with { Queue = QueueOf(job.Queue), Definition = DefinitionPrefix + job.Definition })] };
    }

    private string QueueOf(string logical) =>
        _queues.TryGetValue(logical, out var physical)
            ? physical
            : throw new InvalidOperationException($"The planner chose queue '{logical}', which this deployment does not map; it maps {string.Join(", ", _queues.Keys)}.");
}
