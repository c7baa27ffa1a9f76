using Amazon.CDK;
using Sdc.Infra.Building;

namespace Sdc.Infra;

/// <summary>The CDK app: one <see cref="SdcStage"/> per entry of infra/stages.json.</summary>
public static class SdcApp
{
    public static IReadOnlyList<SdcStage> Build(App app, DeploymentInputs inputs) =>
        inputs.Stages.Select(settings => new SdcStage(app, inputs, settings)).ToList();
}
