namespace Sdc.Processors.Emu.Tests.Support;

/// <summary>
/// Every test that runs processors/emu/run belongs here, so they run one after another: the first
/// run builds the processor into .artifacts, and two builds at once would trip over each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EmuProcessorRuns : ICollectionFixture<EmuPipelineFixture>
{
    public const string Name = "emu processor";
}
