namespace Sdc.Infra.Building;

/// <summary>The Lambda handler strings of <c>functions/Sdc.Functions</c> (its README lists the same), in one place.</summary>
public static class FunctionHandlers
{
    public const string Integrity = "Sdc.Functions::Sdc.Functions.IntegrityFunction::HandleAsync";
    public const string Indexer = "Sdc.Functions::Sdc.Functions.IndexerFunction::HandleAsync";
    public const string Reconciler = "Sdc.Functions::Sdc.Functions.ReconcilerFunction::HandleAsync";
    public const string Api = "Sdc.Functions::Sdc.Functions.ApiFunction::HandleAsync";
    public const string Plan = "Sdc.Functions::Sdc.Functions.PlanFunction::HandleAsync";
    public const string IndexJob = "Sdc.Functions::Sdc.Functions.IndexFunction::HandleAsync";
    public const string RecordJob = "Sdc.Functions::Sdc.Functions.RecordJobFunction::HandleAsync";
    public const string Summarize = "Sdc.Functions::Sdc.Functions.SummarizeFunction::HandleAsync";
    public const string Migrate = "Sdc.Functions::Sdc.Functions.MigrationFunction::HandleAsync";
}
