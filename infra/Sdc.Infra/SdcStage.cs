using Amazon.CDK;
using Constructs;
using Sdc.Infra.Building;
using Sdc.Infra.Stacks;

namespace Sdc.Infra;

/// <summary>
/// One whole SDC (staging or production): its stacks, one per concern, deployed together with
/// <c>cdk deploy 'Sdc-&lt;stage&gt;/*'</c>.
/// </summary>
public sealed class SdcStage : Stage
{
    public SdcStage(Construct scope, DeploymentInputs inputs, StageSettings settings)
        : base(scope, settings.Name, new StageProps
        {
            Env = settings.Account is null && settings.Region is null ? null : new Amazon.CDK.Environment { Account = settings.Account, Region = settings.Region },
        })
    {
        var props = new StackProps
        {
            Description = $"SDC ({inputs.Mission.Name}) {settings.Name}",
            TerminationProtection = settings.RetainData,
            Tags = new Dictionary<string, string> { ["sdc:stage"] = settings.Name, ["sdc:mission"] = inputs.Mission.Name },
        };
        Storage = new StorageStack(this, "storage", settings, props);
        Catalog = new CatalogStack(this, "catalog", inputs, settings, Storage, props);
        Processing = new ProcessingStack(this, "processing", inputs, settings, Storage, Catalog, props);
        Access = new AccessStack(this, "access", inputs, settings, Storage, Catalog, props);
        Web = new WebStack(this, "web", inputs, settings, Access, props);
        Settings = settings;
    }

    public StageSettings Settings { get; }

    public StorageStack Storage { get; }

    public CatalogStack Catalog { get; }

    public ProcessingStack Processing { get; }

    public AccessStack Access { get; }

    public WebStack Web { get; }
}
