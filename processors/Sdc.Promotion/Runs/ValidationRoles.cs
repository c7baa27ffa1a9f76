namespace Sdc.Promotion.Runs;

/// <summary>The two processors a validation runs: the candidate (staging) and the baseline (production).</summary>
public static class ValidationRoles
{
    public const string Candidate = "candidate";
    public const string Baseline = "baseline";
}
