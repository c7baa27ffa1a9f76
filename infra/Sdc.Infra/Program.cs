using Amazon.CDK;
using Sdc.Infra;
using Sdc.Infra.Building;

// `npx aws-cdk synth` (cdk.json at the repository root runs infra/synth, which builds what is
// deployed and then this). Context: -c functions=<folder> and -c portal=<folder> point at other builds.
try
{
    var app = new App();
    var inputs = DeploymentInputs.Load(
        RepositoryRoot.Find(Directory.GetCurrentDirectory()),
        app.Node.TryGetContext("functions") as string,
        app.Node.TryGetContext("portal") as string,
        System.Environment.GetEnvironmentVariable);
    SdcApp.Build(app, inputs);
    app.Synth();
    return 0;
}
catch (Exception e) when (e is FileNotFoundException or FormatException or Sdc.Mission.MissionFileException)
{
    Console.Error.WriteLine($"sdc infra: {e.Message}");
    return 2;
}
