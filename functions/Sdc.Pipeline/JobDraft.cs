using Sdc.Catalog;
using Sdc.Mission;

namespace Sdc.Pipeline;

/// <summary>A job the planner has decided on, before it is given its files, identity and version.</summary>
internal sealed record JobDraft(string Instrument, ProcessingStep Step, IReadOnlyList<CatalogFile> Inputs, string Queue);
