using Sdc.Pipeline;

namespace Sdc.Functions.Tests;

public sealed class BatchNamesTests
{
    private static readonly Dictionary<string, string> Staging = new()
    {
        [BatchNames.ProductionQueueVariable] = "sdc-staging-production",
        [BatchNames.ReprocessingQueueVariable] = "arn:aws:batch:eu-west-1:123456789012:job-queue/sdc-staging-reprocessing",
        [BatchNames.DefinitionPrefixVariable] = "sdc-staging-",
    };

    private static PlannedJob Job(string queue, string instrument) => new(7, $"{instrument}-l0-j7", queue, instrument, 3600, "jobs/abc/", "{}", instrument, "l1");

    [Fact]
    public void Apply_LogicalQueuesAndDefinitions_BecomeTheDeploymentsNames()
    {
        var names = BatchNames.From(Staging.GetValueOrDefault);

        var plan = names.Apply(new PlanResult(1, 0, 1, 2, [Job(Queues.Production, "exi"), Job(Queues.Reprocessing, "emu")]));

        Assert.Equal(
            [("sdc-staging-production", "sdc-staging-exi"), ("arn:aws:batch:eu-west-1:123456789012:job-queue/sdc-staging-reprocessing", "sdc-staging-emu")],
            plan.Jobs.Select(j => (j.Queue, j.Definition)));
        Assert.Equal(["exi-l0-j7", "emu-l0-j7"], plan.Jobs.Select(j => j.Name));
    }

    [Theory]
    [InlineData(BatchNames.ProductionQueueVariable)]
    [InlineData(BatchNames.ReprocessingQueueVariable)]
    [InlineData(BatchNames.DefinitionPrefixVariable)]
    public void From_AVariableMissingOrEmpty_FailsNamingIt(string variable)
    {
        var missing = new Dictionary<string, string>(Staging);
        missing.Remove(variable);
        var empty = new Dictionary<string, string>(Staging) { [variable] = "" };

        var errors = new[] { missing, empty }.Select(v => Assert.Throws<InvalidOperationException>(() => BatchNames.From(v.GetValueOrDefault)));

        Assert.All(errors, e => Assert.StartsWith(variable + " is not set", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_AQueueTheDeploymentDoesNotMap_FailsNamingIt()
    {
        var names = BatchNames.From(Staging.GetValueOrDefault);

        var error = Assert.Throws<InvalidOperationException>(() => names.Apply(new PlanResult(1, 0, 1, 1, [Job("express", "exi")])));

        Assert.Contains("'express'", error.Message, StringComparison.Ordinal);
    }
}
