using Sdc.Pipeline;

namespace Sdc.Infra.Building;

/// <summary>Which image a stage's job definition for an instrument runs: the versions.json entry the stage follows.</summary>
public static class ProcessorImages
{
    /// <summary>
    /// The release a stage runs (<c>processors</c> in infra/stages.json: staging falls back to
    /// production when no candidate is staged) and the tag or digest in the instrument's ECR
    /// repository: the entry's digest when it pins one (what promotion moves), else its version,
    /// which CI pushes as an immutable tag.
    /// </summary>
    public static (ProcessorRelease Release, string TagOrDigest) For(ProcessorVersions versions, string instrument, string stage)
    {
        var release = versions.ForStage(stage, instrument);
        return (release, release.Digest ?? release.Version);
    }
}
