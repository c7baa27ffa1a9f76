using Amazon.CDK;
using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.Logs;
using Constructs;
using Sdc.Api.Http;
using Sdc.Infra.Building;
using Sdc.Ingest.Layout;
using Function = Amazon.CDK.AWS.Lambda.Function;

namespace Sdc.Infra.Stacks;

/// <summary>
/// Who may do what, and the door to it: a Cognito user pool with the SDC's groups (admin, team,
/// itf-&lt;instrument&gt; for each instrument of mission.yaml) and one app client for the portal and
/// the CLI; the API function (the same handler as the local host's) behind API Gateway, with the
/// Cognito authorizer on every route except <c>/public</c>, throttling and access logs.
/// </summary>
public sealed class AccessStack : Stack
{
    public AccessStack(Construct scope, string id, DeploymentInputs inputs, StageSettings settings, StorageStack storage, CatalogStack catalog, IStackProps props)
        : base(scope, id, props)
    {
        Users = new UserPool(this, "Users", new UserPoolProps
        {
            UserPoolName = $"sdc-{settings.Name}",
            SelfSignUpEnabled = false, // accounts are given by the SDC's admins
            SignInAliases = new SignInAliases { Username = true, Email = true },
            PasswordPolicy = new PasswordPolicy { MinLength = 12, RequireDigits = true, RequireLowercase = true, RequireUppercase = true, RequireSymbols = false },
            Mfa = Mfa.OPTIONAL,
            MfaSecondFactor = new MfaSecondFactor { Otp = true, Sms = false },
            AccountRecovery = AccountRecovery.EMAIL_ONLY,
            RemovalPolicy = settings.RetainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });
        var groups = new List<(string Name, string Description)> { (Caller.AdminGroup, "Everything, including releases"), (Caller.TeamGroup, "All products, runs and reprocessing") };
        groups.AddRange(inputs.Mission.Instruments.Select(i => (Caller.InstrumentTeamPrefix + i.Id, $"The {i.Id} instrument team: its Level 0, logs, uploads and reprocessing")));
        foreach (var (name, description) in groups)
        {
            new CfnUserPoolGroup(this, $"Group-{name}", new CfnUserPoolGroupProps { UserPoolId = Users.UserPoolId, GroupName = name, Description = description });
        }
        // One public client (no secret: it runs in browsers and on scientists' machines) for the
        // flows the portal and `sdc login` use: USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH.
        Client = Users.AddClient("PortalAndCli", new UserPoolClientOptions
        {
            UserPoolClientName = "sdc-portal-and-cli",
            GenerateSecret = false,
            AuthFlows = new AuthFlow { UserPassword = true, UserSrp = true },
            IdTokenValidity = Duration.Hours(1),
            AccessTokenValidity = Duration.Hours(1),
            RefreshTokenValidity = Duration.Days(30),
            PreventUserExistenceErrors = true,
            EnableTokenRevocation = true,
            DisableOAuth = true, // only InitiateAuth: no hosted UI, no redirect flows to secure
        });
        var authEndpoint = $"https://cognito-idp.{Region}.amazonaws.com/";

        Function = SdcFunction.Create(this, "Api", catalog.Functions, FunctionHandlers.Api, 1024, Duration.Seconds(29), new Dictionary<string, string>
        {
            ["SDC_AUTH_ENDPOINT"] = authEndpoint,
            ["SDC_AUTH_CLIENT_ID"] = Client.UserPoolClientId,
        });
        // Downloads are presigned by this function, so it reads what it hands out; it writes only
        // reprocessing requests, upload slots and release manifests.
        BucketAccess.Read(Function, storage.Products, BucketAccess.Everything);
        BucketAccess.Write(Function, storage.Products, StorageLayout.UploadPrefix);
        BucketAccess.Read(Function, storage.Archive, BucketAccess.Everything);
        BucketAccess.Write(Function, storage.Archive, StorageLayout.RequestPrefix);
        BucketAccess.Read(Function, storage.Public, BucketAccess.Everything);
        BucketAccess.Write(Function, storage.Public, Sdc.Api.Releases.ReleasePublisher.ManifestPrefix);

        var accessLogs = new LogGroup(this, "AccessLogs", new LogGroupProps
        {
            Retention = settings.RetainData ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        Api = new RestApi(this, "RestApi", new RestApiProps
        {
            RestApiName = $"sdc-{settings.Name}",
            Description = "SDC API v1 (the same handler as `sdc local up`)",
            EndpointTypes = [EndpointType.REGIONAL],
            DeployOptions = new StageOptions
            {
                StageName = "api",
                ThrottlingRateLimit = settings.ApiRateLimit,
                ThrottlingBurstLimit = settings.ApiBurstLimit,
                AccessLogDestination = new LogGroupLogDestination(accessLogs),
                AccessLogFormat = AccessLogFormat.JsonWithStandardFields(new JsonWithStandardFieldProps
                {
                    Caller = true, HttpMethod = true, Ip = true, Protocol = true, RequestTime = true, ResourcePath = true, ResponseLength = true, Status = true, User = true,
                }),
                MetricsEnabled = true,
                TracingEnabled = true,
            },
            // The portal is served from another origin (CloudFront); scripts send no Origin.
            DefaultCorsPreflightOptions = new CorsOptions
            {
                AllowOrigins = Cors.ALL_ORIGINS,
                AllowMethods = ["GET", "POST", "DELETE", "OPTIONS"],
                AllowHeaders = ["Authorization", "Content-Type"],
            },
            CloudWatchRole = true,
            // Problem details come from the handler, including 404 for unknown routes.
            DisableExecuteApiEndpoint = false,
        });
        var integration = new LambdaIntegration(Function, new LambdaIntegrationOptions { Proxy = true });
        var authorizer = new CognitoUserPoolsAuthorizer(this, "Authorizer", new CognitoUserPoolsAuthorizerProps
        {
            CognitoUserPools = [Users],
            AuthorizerName = "sdc-cognito",
            IdentitySource = "method.request.header.Authorization",
        });
        var signedIn = new MethodOptions { AuthorizationType = AuthorizationType.COGNITO, Authorizer = authorizer };
        var anyone = new MethodOptions { AuthorizationType = AuthorizationType.NONE };

        // /v1/... needs a token; /public/v1/... does not. The handler still checks each route's
        // groups (the authorizer proves who the caller is, not what they may do).
        Api.Root.AddResource("v1").AddProxy(new ProxyResourceOptions { AnyMethod = false })
            .AddMethod("ANY", integration, signedIn);
        Api.Root.AddResource("public").AddProxy(new ProxyResourceOptions { AnyMethod = false })
            .AddMethod("ANY", integration, anyone);
        AuthEndpoint = authEndpoint;

        // What operators, the CLI (`sdc login --endpoint`) and the web stack need to know.
        ApiUrlExport = $"sdc-{settings.Name}-api-url";
        ClientIdExport = $"sdc-{settings.Name}-client-id";
        new CfnOutput(this, "ApiUrl", new CfnOutputProps { Value = Api.Url, ExportName = ApiUrlExport, Description = "The API (sdc login --endpoint)" });
        new CfnOutput(this, "ClientId", new CfnOutputProps { Value = Client.UserPoolClientId, ExportName = ClientIdExport, Description = "The app client of the portal and CLI" });
        new CfnOutput(this, "UserPoolId", new CfnOutputProps { Value = Users.UserPoolId, Description = "Add users: aws cognito-idp admin-create-user --user-pool-id …" });
    }

    /// <summary>The export names of the API's URL and the app client's id (the web stack imports them).</summary>
    public string ApiUrlExport { get; }

    public string ClientIdExport { get; }

    public UserPool Users { get; }

    public UserPoolClient Client { get; }

    public Function Function { get; }

    public RestApi Api { get; }

    /// <summary>Where clients send InitiateAuth (Cognito's regional endpoint).</summary>
    public string AuthEndpoint { get; }
}
