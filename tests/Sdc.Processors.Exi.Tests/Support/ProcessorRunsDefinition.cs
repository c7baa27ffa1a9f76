namespace Sdc.Processors.Exi.Tests.Support;

/// <summary>Tests that start the processor share the simulated inputs and run one at a time (the first run builds it).</summary>
[CollectionDefinition(Name)]
public sealed class ProcessorRunsDefinition : ICollectionFixture<ExiDeliveries>
{
    public const string Name = "exi processor";
}
