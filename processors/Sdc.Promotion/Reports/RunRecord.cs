namespace Sdc.Promotion.Reports;

/// <summary>One job of a validation, as the report records it.</summary>
/// <param name="Role">candidate or baseline.</param>
/// <param name="Step">e.g. "l0 → l1".</param>
/// <param name="ExitCode">Null when the process never started or was killed at its timeout.</param>
/// <param name="Messages">Its errors and warnings ("EXI-W001: …"), the first 20.</param>
/// <param name="Log">Where its output was kept (a local path; it goes with the work folder).</param>
public sealed record RunRecord(
    string Role,
    string Job,
    string Step,
    int Inputs,
    int? ExitCode,
    bool Succeeded,
    string Status,
    double Seconds,
    int Products,
    int Warnings,
    int Errors,
    IReadOnlyList<string> Messages,
    string Log);
