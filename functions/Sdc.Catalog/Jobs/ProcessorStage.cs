namespace Sdc.Catalog;

/// <summary>Where a processor version runs. Stored lower-case in <c>processor_versions.stage</c>.</summary>
public enum ProcessorStage
{
    Staging,
    Production,
}
