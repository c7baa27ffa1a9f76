using Sdc.Pipeline;
using Sdc.Promotion.Reference;
using Sdc.Promotion.Settings;

namespace Sdc.Promotion;

/// <summary>What to validate: an instrument's candidate release against its baseline, on a reference set.</summary>
/// <param name="Candidate">The release under test (staging's, from versions.json): its name and version go into the jobs.</param>
/// <param name="CandidateCommand">How it was started, for the report (the runner starts it).</param>
/// <param name="Baseline">The release it is compared with (production's).</param>
/// <param name="WorkFolder">Where the jobs' folders and products go (<c>candidate/</c>, <c>baseline/</c>).</param>
public sealed record ValidationRequest(
    string Instrument,
    ProcessorRelease Candidate,
    string CandidateCommand,
    ProcessorRelease Baseline,
    string BaselineCommand,
    ReferenceSet Reference,
    ValidationSettings Settings,
    string WorkFolder);
