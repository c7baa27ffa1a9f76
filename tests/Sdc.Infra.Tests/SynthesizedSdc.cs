using System.Diagnostics;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Sdc.Infra.Building;
using RepositoryRoot = Sdc.Testing.RepositoryRoot;
using Sdc.Testing;

namespace Sdc.Infra.Tests;

/// <summary>
/// The whole CDK app, synthesized once for the suite (a synthesis starts node and takes tens of
/// seconds): the functions package really published, the portal really built, both stages, and
/// the cloud assembly on disk for the validators.
/// </summary>
public sealed class SynthesizedSdc : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), $"sdc-infra-tests-{Guid.NewGuid():N}");

    public SynthesizedSdc()
    {
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", "1");
        var functions = Path.Combine(_work, "functions");
        Publish(functions);
        var portal = RepositoryRoot.PathOf("web/dist");
        if (!File.Exists(Path.Combine(portal, "index.html")))
        {
            throw new InvalidOperationException("web/dist is not built: run ./test.sh (it builds the portal) or `(cd web && npm run build)`.");
        }
        Inputs = DeploymentInputs.Load(RepositoryRoot.Path, functions, portal, _ => null);
        AssemblyPath = Path.Combine(_work, "cdk.out");
        var app = new App(new AppProps { Outdir = AssemblyPath });
        Stages = SdcApp.Build(app, Inputs).ToDictionary(s => s.Settings.Name, StringComparer.Ordinal);
        app.Synth();
    }

    public DeploymentInputs Inputs { get; }

    public IReadOnlyDictionary<string, SdcStage> Stages { get; }

    /// <summary>The cloud assembly (cdk.out) of the whole app.</summary>
    public string AssemblyPath { get; }

    /// <summary>The stages of infra/stages.json, for [MemberData].</summary>
    public static TheoryData<string> StageNames => ["staging", "production"];

    /// <summary>CDK's assertion view of one stack.</summary>
    public Template Template(string stage, Func<SdcStage, Stack> stack) => Amazon.CDK.Assertions.Template.FromStack(stack(Stages[stage]));

    /// <summary>The synthesized template of one stack as JSON, as CloudFormation receives it.</summary>
    public JsonObject Json(string stage, Func<SdcStage, Stack> stack)
    {
        var file = Path.Combine(AssemblyPath, $"assembly-{stage}", stack(Stages[stage]).TemplateFile);
        return JsonNode.Parse(File.ReadAllText(file))!.AsObject();
    }

    /// <summary>Every stack template of a stage, by stack.</summary>
    public IEnumerable<(Stack Stack, JsonObject Template)> AllTemplates(string stage)
    {
        var s = Stages[stage];
        foreach (var stack in new Stack[] { s.Storage, s.Catalog, s.Processing, s.Access, s.Web })
        {
            yield return (stack, Json(stage, _ => stack));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Publish(string output)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot.Path };
        foreach (var argument in new[] { "publish", "functions/Sdc.Functions", "-c", "Debug", "-o", output, "--nologo", "-v", "quiet" })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish functions/Sdc.Functions failed:\n{stdout.Result}{stderr.Result}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SynthesizedSdcGroup : ICollectionFixture<SynthesizedSdc>
{
    public const string Name = "synthesized SDC";
}
