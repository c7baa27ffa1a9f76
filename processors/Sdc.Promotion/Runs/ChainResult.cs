using Sdc.Promotion.Reports;

namespace Sdc.Promotion.Runs;

/// <summary>What one processor did with the reference set: its jobs, the products they made, and whether every job succeeded.</summary>
public sealed record ChainResult(string Role, IReadOnlyList<RunRecord> Runs, IReadOnlyList<ProducedFile> Products, bool Completed);
