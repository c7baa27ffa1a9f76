using System.Security.Cryptography;
using Sdc.Mission;
using Sdc.Pipeline;

namespace Sdc.Infra.Building;

/// <summary>
/// Everything the CDK app is made from, read once from the repository: the same mission.yaml,
/// pipeline.asl.json and processors/versions.json the local runtime uses, the stages, and the
/// built artifacts it deploys (the published functions, the built portal).
/// </summary>
public sealed record DeploymentInputs(
    string RepositoryRoot,
    Mission.Mission Mission,
    ProcessorVersions Processors,
    IReadOnlyList<StageSettings> Stages,
    string PipelineDefinitionPath,
    string FunctionsPackagePath,
    string PortalPath,
    string MigrationsChecksum)
{
    public const string DefaultFunctionsPackage = ".artifacts/functions";
    public const string DefaultPortal = "web/dist";
    public const string MigrationsFolder = "functions/Sdc.Catalog/Migrations";

    /// <summary>
    /// Reads the inputs under <paramref name="repositoryRoot"/>. The functions package and the
    /// portal must have been built (<c>./sdc deploy-check</c> and <c>infra/synth</c> do it): a
    /// deployment of stale or missing code would be worse than no deployment, so a missing one
    /// is an error that says how to build it.
    /// </summary>
    public static DeploymentInputs Load(string repositoryRoot, string? functionsPackage, string? portal, Func<string, string?> environment)
    {
        var root = Path.GetFullPath(repositoryRoot);
        var functions = Path.GetFullPath(functionsPackage ?? Path.Combine(root, DefaultFunctionsPackage), root);
        if (!File.Exists(Path.Combine(functions, "Sdc.Functions.dll")))
        {
            throw new FileNotFoundException(
                $"No published functions in {functions} (Sdc.Functions.dll missing). Build them with " +
                $"`dotnet publish functions/Sdc.Functions -c Release -o {DefaultFunctionsPackage}`, or run `./sdc deploy-check`, which does.");
        }
        var site = Path.GetFullPath(portal ?? Path.Combine(root, DefaultPortal), root);
        if (!File.Exists(Path.Combine(site, "index.html")))
        {
            throw new FileNotFoundException($"No built portal in {site} (index.html missing). Build it with `(cd web && npm ci && npm run build)`, or run `./sdc deploy-check`.");
        }
        return new DeploymentInputs(
            root,
            MissionLoader.LoadFile(Path.Combine(root, MissionLoader.DefaultFileName)),
            ProcessorVersions.Load(Path.Combine(root, "processors", ProcessorVersions.FileName)),
            StageSettingsFile.Load(Path.Combine(root, StageSettingsFile.RelativePath), environment),
            Path.Combine(root, "infra", "pipeline.asl.json"),
            functions,
            site,
            ChecksumOf(Path.Combine(root, MigrationsFolder)));
    }

    /// <summary>One SHA-256 over every migration script (names and contents): the migration resource runs again exactly when it changes.</summary>
    private static string ChecksumOf(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var script in Directory.GetFiles(folder, "*.sql").Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(script) + "\n"));
            hash.AppendData(File.ReadAllBytes(script));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
