using Sdc.Pipeline;
using Sdc.Promotion.Reports;

namespace Sdc.Promotion;

/// <summary>A promotion done: what production ran before, what it runs now, and the report that allowed it.</summary>
public sealed record PromotionResult(string Instrument, ProcessorRelease Previous, ProcessorRelease Promoted, ValidationReport Report, string ReportLocation);
