using System.Text.Json.Nodes;

namespace Sdc.Processing;

/// <summary>
/// One unit of processing, as the SDC's planner writes it (and as an ITF writes it by hand to test):
/// the instrument and step, the processor version, the input files with checksums, the kernels and
/// calibration files, where to write products, their version, and the creation time to stamp in
/// them (taken from the job, so that a re-run makes byte-identical products).
/// </summary>
public sealed record ProcessorJob(
    string JobId,
    string Instrument,
    string From,
    IReadOnlyList<string> Produces,
    ProcessorIdentity Processor,
    IReadOnlyList<JobFile> Inputs,
    IReadOnlyList<JobFile> Kernels,
    IReadOnlyList<JobFile> Calibration,
    string OutputPrefix,
    string ProductVersion,
    DateTimeOffset CreationTime,
    JsonObject Parameters)
{
    public IEnumerable<JobFile> AllFiles => Inputs.Concat(Kernels).Concat(Calibration);
}
