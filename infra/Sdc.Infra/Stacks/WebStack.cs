using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.S3.Deployment;
using Amazon.CDK.AWS.SSM;
using Constructs;
using Sdc.Infra.Building;

namespace Sdc.Infra.Stacks;

/// <summary>
/// The portal: the built <c>web/dist</c> in a private bucket, served by CloudFront through origin
/// access control (the bucket has no public access at all), with the runtime <c>config.json</c>
/// the portal reads at start-up pointing at this stage's API and user pool.
/// </summary>
public sealed class WebStack : Stack
{
    public WebStack(Construct scope, string id, DeploymentInputs inputs, StageSettings settings, AccessStack access, IStackProps props)
        : base(scope, id, props)
    {
        AddDependency(access); // the imports below need the access stack's exports first
        // The site is rebuilt from the repository on every deployment: nothing in it to retain.
        Site = SecureBucket.Create(this, "Site", settings with { RetainData = false }, versioned: false);
        Distribution = new Distribution(this, "Distribution", new DistributionProps
        {
            Comment = $"SDC portal ({settings.Name})",
            DefaultRootObject = "index.html",
            DefaultBehavior = new BehaviorOptions
            {
                Origin = S3BucketOrigin.WithOriginAccessControl(Site),
                ViewerProtocolPolicy = ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                ResponseHeadersPolicy = ResponseHeadersPolicy.SECURITY_HEADERS,
                CachePolicy = CachePolicy.CACHING_OPTIMIZED,
            },
            MinimumProtocolVersion = SecurityPolicyProtocol.TLS_V1_2_2021,
            HttpVersion = HttpVersion.HTTP2_AND_3,
            PriceClass = PriceClass.PRICE_CLASS_100,
        });
        // BucketDeployment's JSON markers may only be Ref or GetAtt of this stack's resources; a
        // value of another stack (even imported) is rejected, or worse, kept as a Ref CloudFormation
        // cannot resolve (found by tests/tools/cfn-validate.mjs). So the access stack's exports land
        // in two parameters here first, which also tell operators what the portal was given.
        var apiUrl = new StringParameter(this, "PortalApiUrl", new StringParameterProps
        {
            ParameterName = $"/sdc/{settings.Name}/portal/api-url",
            StringValue = Fn.ImportValue(access.ApiUrlExport),
        });
        var clientId = new StringParameter(this, "PortalClientId", new StringParameterProps
        {
            ParameterName = $"/sdc/{settings.Name}/portal/client-id",
            StringValue = Fn.ImportValue(access.ClientIdExport),
        });
        new BucketDeployment(this, "Portal", new BucketDeploymentProps
        {
            DestinationBucket = Site,
            Sources =
            [
                Source.Asset(inputs.PortalPath),
                // The same fields the local host serves at /config.json (web/src/config.ts).
                Source.JsonData("config.json", new Dictionary<string, object>
                {
                    ["apiUrl"] = apiUrl.StringValue,
                    ["auth"] = new Dictionary<string, object>
                    {
                        ["endpoint"] = access.AuthEndpoint,
                        ["clientId"] = clientId.StringValue,
                        ["region"] = Region,
                    },
                }),
            ],
            Distribution = Distribution,
            DistributionPaths = ["/index.html", "/config.json"],
            Prune = true,
        });
        new CfnOutput(this, "PortalUrl", new CfnOutputProps { Value = $"https://{Distribution.DistributionDomainName}/", Description = "The portal" });
    }

    public Amazon.CDK.AWS.S3.Bucket Site { get; }

    public Distribution Distribution { get; }
}
