using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Constructs;
using Function = Amazon.CDK.AWS.Lambda.Function;

namespace Sdc.Infra.Building;

/// <summary>What every SDC function shares: where the catalog is, and the buckets by their logical names.</summary>
public sealed record FunctionContext(
    DeploymentInputs Inputs,
    StageSettings Stage,
    IVpc Vpc,
    ISecurityGroup CatalogClients,
    Amazon.CDK.AWS.SecretsManager.ISecret CatalogSecret,
    IReadOnlyDictionary<string, IBucket> Buckets);

/// <summary>
/// One of the SDC's Lambda functions: the managed <c>dotnet10</c> runtime on arm64 (Graviton: a
/// fifth cheaper per GB-second, and the published package is portable), the one published
/// <c>Sdc.Functions</c> package, in the VPC's private subnets beside the catalog, with the
/// catalog's secret (its ARN in <c>SDC_CATALOG_SECRET_ARN</c>, never the password; read through
/// the AWS Parameters and Secrets extension) and the
/// physical bucket names (<c>SDC_BUCKET_*</c>), and logs kept for a limited time.
/// </summary>
public static class SdcFunction
{
    // CDK's Runtime.DOTNET_8 is deprecated and this CDK version has no constant for .NET 10.
    public static readonly Runtime DotNet10 = new("dotnet10", RuntimeFamily.DOTNET_CORE);

    public static Function Create(Construct scope, string id, FunctionContext context, string handler, int memoryMiB, Duration timeout,
        IDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string>
        {
            ["SDC_CATALOG_SECRET_ARN"] = context.CatalogSecret.SecretArn,
        };
        foreach (var (logical, bucket) in context.Buckets)
        {
            variables[$"SDC_BUCKET_{logical.ToUpperInvariant()}"] = bucket.BucketName;
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }
        var function = new Function(scope, id, new FunctionProps
        {
            Runtime = DotNet10,
            Architecture = Architecture.ARM_64,
            Handler = handler,
            Code = Code.FromAsset(context.Inputs.FunctionsPackagePath),
            MemorySize = memoryMiB,
            Timeout = timeout,
            Vpc = context.Vpc,
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS },
            SecurityGroups = [context.CatalogClients],
            Environment = variables,
            LogGroup = new LogGroup(scope, id + "Logs", new LogGroupProps
            {
                Retention = context.Stage.RetainData ? RetentionDays.SIX_MONTHS : RetentionDays.ONE_MONTH,
                RemovalPolicy = RemovalPolicy.DESTROY,
            }),
            Tracing = Tracing.ACTIVE,
            // How the functions read the catalog's secret (functions/Sdc.Functions/SecretsExtensionReader.cs):
            // the registry has no AWSSDK.SecretsManager, and the extension caches the secret besides.
            ParamsAndSecrets = ParamsAndSecretsLayerVersion.FromVersion(ParamsAndSecretsVersions.V1_0_103, new ParamsAndSecretsOptions
            {
                CacheEnabled = true,
                LogLevel = ParamsAndSecretsLogLevel.WARN,
            }),
        });
        context.CatalogSecret.GrantRead(function);
        return function;
    }
}
