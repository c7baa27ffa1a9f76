namespace Sdc.Processors.Emr.Tests.Support;

/// <summary>
/// Tests that start the processor share the simulated deliveries and run one at a time: the first
/// run builds the processor into one output folder, and two builds there at once would collide.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessorTests : ICollectionFixture<EmirsDeliveries>
{
    public const string Name = "emr processor";
}
