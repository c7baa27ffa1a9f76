using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sdc.Infra.Building;

namespace Sdc.Infra.Tests;

/// <summary>
/// Every IAM role of a stage, read from the synthesized templates: no wildcard actions, no "*"
/// resource except for the few actions AWS offers no resource-level permission for, and for each of
/// the SDC's own functions, jobs and the pipeline exactly the bucket prefixes and actions it needs.
/// The expected table below is the specification; a grant added in the stacks without it fails here.
/// </summary>
[Collection(SynthesizedSdcGroup.Name)]
public sealed partial class LeastPrivilegeTests(SynthesizedSdc sdc)
{
    // What each role may do in S3: "action bucket:prefix*" (ListBucket: "s3:ListBucket bucket:prefix").
    private static readonly Dictionary<string, string[]> S3Access = new(StringComparer.Ordinal)
    {
        ["integrity"] =
        [
            "s3:GetObject inbox:*", "s3:DeleteObject inbox:*", "s3:ListBucket inbox:",
            "s3:GetObject archive:*", "s3:PutObject archive:*", "s3:AbortMultipartUpload archive:*", "s3:ListBucket archive:",
        ],
        ["indexer"] = ["s3:GetObject products:uploads/*", "s3:DeleteObject products:uploads/*", "s3:PutObject products:*", "s3:AbortMultipartUpload products:*"],
        ["plan"] =
        [
            "s3:GetObject archive:*", "s3:ListBucket archive:", "s3:GetObject products:*", "s3:ListBucket products:",
            "s3:PutObject products:jobs/*", "s3:AbortMultipartUpload products:jobs/*",
        ],
        ["index"] =
        [
            "s3:GetObject products:jobs/*", "s3:ListBucket products:jobs/", "s3:DeleteObject products:jobs/*",
            "s3:PutObject products:*", "s3:AbortMultipartUpload products:*",
        ],
        ["record-job"] = [],
        ["summarize"] = [],
        ["migrate"] = [],
        ["reconciler"] =
        [
            "s3:GetObject inbox:*", "s3:ListBucket inbox:", "s3:GetObject archive:*", "s3:ListBucket archive:",
            "s3:GetObject products:*", "s3:ListBucket products:", "s3:GetObject public:*", "s3:ListBucket public:",
            "s3:PutObject archive:reports/*", "s3:AbortMultipartUpload archive:reports/*",
        ],
        ["api"] =
        [
            "s3:GetObject products:*", "s3:PutObject products:uploads/*", "s3:AbortMultipartUpload products:uploads/*",
            "s3:GetObject archive:*", "s3:PutObject archive:requests/*", "s3:AbortMultipartUpload archive:requests/*",
            "s3:GetObject public:*", "s3:PutObject public:releases/*", "s3:AbortMultipartUpload public:releases/*",
        ],
    };

    private static string[] JobAccess(string instrument) =>
    [
        "s3:GetObject archive:l0/*", "s3:GetObject archive:kernels/*", $"s3:GetObject archive:calibration/{instrument}/*",
        $"s3:GetObject products:{instrument}/*", "s3:GetObject products:jobs/*", "s3:PutObject products:jobs/*", "s3:AbortMultipartUpload products:jobs/*",
    ];

    private static readonly Dictionary<string, string> RoleOfHandler = new(StringComparer.Ordinal)
    {
        [FunctionHandlers.Integrity] = "integrity",
        [FunctionHandlers.Indexer] = "indexer",
        [FunctionHandlers.Plan] = "plan",
        [FunctionHandlers.IndexJob] = "index",
        [FunctionHandlers.RecordJob] = "record-job",
        [FunctionHandlers.Summarize] = "summarize",
        [FunctionHandlers.Migrate] = "migrate",
        [FunctionHandlers.Reconciler] = "reconciler",
        [FunctionHandlers.Api] = "api",
    };

    // Actions AWS defines without resource-level permissions: "*" is the only resource they take.
    private static readonly HashSet<string> ResourcelessActions = new(StringComparer.Ordinal)
    {
        "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets", "batch:DescribeJobs", "batch:TerminateJob",
        "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries",
        "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups", "ecr:GetAuthorizationToken",
        "s3:PutBucketNotification", // CDK's own handler that turns EventBridge notifications on; it takes no bucket-level ARN in its role
    };

    [Theory]
    [MemberData(nameof(SynthesizedSdc.StageNames), MemberType = typeof(SynthesizedSdc))]
    public void EveryRole_NoWildcardActions_StarResourceOnlyForResourcelessActions(string stage)
    {
        var roles = Roles(stage);

        Assert.NotEmpty(roles);
        foreach (var (role, statements) in roles)
        {
            foreach (var statement in statements.Where(s => s.Effect == "Allow"))
            {
                Assert.DoesNotContain(statement.Actions, a => a == "*" || a.EndsWith(":*", StringComparison.Ordinal));
                if (statement.Resources.Contains("*") && !IsCdkPortalDeploymentInvalidation(role, statement))
                {
                    Assert.True(statement.Actions.All(ResourcelessActions.Contains),
                        $"{stage} {role}: {string.Join(", ", statement.Actions)} on \"*\"");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(SynthesizedSdc.StageNames), MemberType = typeof(SynthesizedSdc))]
    public void EachFunction_TouchesOnlyTheBucketsPrefixesAndActionsItNeeds(string stage)
    {
        var functions = FunctionRoles(stage);

        Assert.Equal(RoleOfHandler.Values.Order(), functions.Keys.Order());
        // The database's secret as functions see it: its attachment to the instance (Ref gives the secret's ARN).
        var secret = TemplateJson.Resources(sdc.Json(stage, s => s.Catalog), "AWS::SecretsManager::SecretTargetAttachment").Single().Id;
        foreach (var (name, statements) in functions)
        {
            Assert.Equal(S3Access[name].Order(), S3Grants(stage, statements).Order());
            var others = statements.Where(s => s.Effect == "Allow").SelectMany(s => s.Actions.Select(a => (Action: a, s.Resources))).Where(a => !a.Action.StartsWith("s3:", StringComparison.Ordinal)).ToList();
            Assert.All(others, a => Assert.Contains(a.Action, new[] { "secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret", "xray:PutTraceSegments", "xray:PutTelemetryRecords" }));
            Assert.All(others.Where(a => a.Action.StartsWith("secretsmanager:", StringComparison.Ordinal)), a => Assert.Equal([$"<{secret}>"], a.Resources));
        }
    }

    [Theory]
    [MemberData(nameof(SynthesizedSdc.StageNames), MemberType = typeof(SynthesizedSdc))]
    public void EachProcessorJob_ReadsItsInputsAndWritesOnlyJobOutputs(string stage)
    {
        var json = sdc.Json(stage, s => s.Processing);
        var statements = Roles(stage);

        foreach (var processor in sdc.Inputs.Mission.Processors)
        {
            var definition = TemplateJson.Resources(json, "AWS::Batch::JobDefinition").Single(d => d.Properties["JobDefinitionName"]!.GetValue<string>() == $"sdc-{stage}-{processor.Instrument}");
            var role = definition.Properties["ContainerProperties"]!["JobRoleArn"]!["Fn::GetAtt"]![0]!.GetValue<string>();
            Assert.Equal(JobAccess(processor.Instrument).Order(), S3Grants(stage, statements[$"processing/{role}"]).Order());
            Assert.All(statements[$"processing/{role}"], s => Assert.All(s.Actions, a => Assert.StartsWith("s3:", a, StringComparison.Ordinal)));
        }
    }

    [Theory]
    [MemberData(nameof(SynthesizedSdc.StageNames), MemberType = typeof(SynthesizedSdc))]
    public void Pipeline_InvokesItsFourTasksAndSubmitsOnlyToItsQueuesWithItsDefinitions(string stage)
    {
        var json = sdc.Json(stage, s => s.Processing);
        var machine = TemplateJson.Resources(json, "AWS::StepFunctions::StateMachine").Single().Properties;
        var role = machine["RoleArn"]!["Fn::GetAtt"]![0]!.GetValue<string>();
        var statements = Roles(stage)[$"processing/{role}"].Where(s => s.Effect == "Allow").ToList();

        var invoked = statements.Where(s => s.Actions.Contains("lambda:InvokeFunction")).SelectMany(s => s.Resources)
            .Select(r => Regex.Replace(r, @"^<(\w+?)[0-9A-F]{8}>(:\*)?$", "$1")).ToHashSet();
        Assert.Equal(["IndexJob", "Plan", "RecordJob", "Summarize"], invoked.Order());
        var submit = statements.Single(s => s.Actions.SequenceEqual(["batch:SubmitJob"]));
        Assert.Equal(2 + sdc.Inputs.Mission.Processors.Count, submit.Resources.Count);
        Assert.All(submit.Resources, r => Assert.Matches(@"^<(ProductionQueue|ReprocessingQueue)\w+>$|:job-definition/sdc-" + stage + @"-\w+:\*$", r));
        Assert.DoesNotContain(statements, s => s.Actions.Any(a => a.StartsWith("s3:", StringComparison.Ordinal)));
    }

    // CDK's BucketDeployment handler (it copies the portal at deployment time) asks CloudFront for
    // invalidations on "*": the construct offers no narrower grant. The one tolerated exception.
    private static bool IsCdkPortalDeploymentInvalidation(string role, Statement statement) =>
        role.StartsWith("web/CustomCDKBucketDeployment", StringComparison.Ordinal)
        && statement.Actions.All(a => a is "cloudfront:GetInvalidation" or "cloudfront:CreateInvalidation");

    private sealed record Statement(string Effect, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources, JsonNode? Condition);

    /// <summary>Every role of the stage ("stack/LogicalId") with the statements of every policy attached to it.</summary>
    private Dictionary<string, List<Statement>> Roles(string stage)
    {
        var all = sdc.AllTemplates(stage).ToList();
        var exports = TemplateJson.Exports(all.Select(t => t.Template));
        var roles = new Dictionary<string, List<Statement>>(StringComparer.Ordinal);
        foreach (var (stack, template) in all)
        {
            var prefix = stack.Node.Id + "/";
            foreach (var (id, properties) in TemplateJson.Resources(template, "AWS::IAM::Role"))
            {
                var list = roles[prefix + id] = [];
                foreach (var inline in properties["Policies"]?.AsArray() ?? [])
                {
                    list.AddRange(Read(inline!["PolicyDocument"]!, exports));
                }
            }
            foreach (var (_, properties) in TemplateJson.Resources(template, "AWS::IAM::Policy"))
            {
                foreach (var attached in properties["Roles"]?.AsArray() ?? [])
                {
                    var roleId = TemplateJson.LogicalIdOf(attached, exports) ?? throw new InvalidOperationException($"a policy attached to {attached}");
                    roles[prefix + roleId].AddRange(Read(properties["PolicyDocument"]!, exports));
                }
            }
        }
        return roles;
    }

    private Dictionary<string, List<Statement>> FunctionRoles(string stage)
    {
        var roles = Roles(stage);
        var result = new Dictionary<string, List<Statement>>(StringComparer.Ordinal);
        foreach (var (stack, template) in sdc.AllTemplates(stage))
        {
            foreach (var (_, properties) in TemplateJson.Resources(template, "AWS::Lambda::Function"))
            {
                if (properties["Handler"]?.GetValue<string>() is { } handler && RoleOfHandler.TryGetValue(handler, out var name))
                {
                    result[name] = roles[stack.Node.Id + "/" + properties["Role"]!["Fn::GetAtt"]![0]!.GetValue<string>()];
                }
            }
        }
        return result;
    }

    private static IEnumerable<Statement> Read(JsonNode document, IReadOnlyDictionary<string, JsonNode> exports) =>
        document["Statement"]!.AsArray().Select(s => new Statement(
            s!["Effect"]!.GetValue<string>(),
            [.. TemplateJson.Strings(s["Action"])],
            s["Resource"] switch
            {
                JsonArray many => [.. many.Select(r => TemplateJson.Render(r, exports))],
                var one => [TemplateJson.Render(one, exports)],
            },
            s["Condition"]));

    /// <summary>S3 statements as "action bucket:prefix", buckets by their logical names.</summary>
    private IEnumerable<string> S3Grants(string stage, IEnumerable<Statement> statements)
    {
        var buckets = TemplateJson.Resources(sdc.Json(stage, s => s.Storage), "AWS::S3::Bucket")
            .ToDictionary(b => $"<{b.Id}>", b => BucketIdSuffix().Replace(b.Id, "").ToLowerInvariant(), StringComparer.Ordinal);
        foreach (var statement in statements.Where(s => s.Effect == "Allow"))
        {
            foreach (var action in statement.Actions.Where(a => a.StartsWith("s3:", StringComparison.Ordinal)))
            {
                if (action == "s3:ListBucket")
                {
                    var prefixes = TemplateJson.Strings(statement.Condition?["StringLike"]?["s3:prefix"]).Select(p => p.TrimEnd('*')).DefaultIfEmpty("");
                    foreach (var resource in statement.Resources)
                    {
                        foreach (var prefix in prefixes)
                        {
                            yield return $"{action} {buckets.GetValueOrDefault(resource, resource)}:{prefix}";
                        }
                    }
                    continue;
                }
                foreach (var resource in statement.Resources)
                {
                    var slash = resource.IndexOf('/', StringComparison.Ordinal);
                    var bucket = slash < 0 ? resource : resource[..slash];
                    yield return $"{action} {buckets.GetValueOrDefault(bucket, bucket)}:{(slash < 0 ? "" : resource[(slash + 1)..])}";
                }
            }
        }
    }

    [GeneratedRegex("[0-9A-F]{8}$")]
    private static partial Regex BucketIdSuffix();
}
