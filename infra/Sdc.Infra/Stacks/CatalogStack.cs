using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.SecretsManager;
using Amazon.CDK.CustomResources;
using Constructs;
using Sdc.Infra.Building;

namespace Sdc.Infra.Stacks;

/// <summary>
/// The catalog: a VPC, a private PostgreSQL instance (RDS) reachable only from the functions'
/// security group, its credentials generated into Secrets Manager, and a custom resource that
/// applies the catalog's SQL migrations (the same scripts the local runtime applies) on every
/// deployment that changes them.
/// </summary>
public sealed class CatalogStack : Stack
{
    public CatalogStack(Construct scope, string id, DeploymentInputs inputs, StageSettings settings, StorageStack storage, IStackProps props)
        : base(scope, id, props)
    {
        // Public subnets hold only the NAT gateways; everything of ours runs in the private ones
        // (functions and Batch jobs reach S3 through the gateway endpoint, other AWS APIs and
        // ECR through NAT), the database in isolated ones with no route out at all.
        Vpc = new Vpc(this, "Network", new VpcProps
        {
            MaxAzs = 2,
            NatGateways = settings.NatGateways,
            SubnetConfiguration =
            [
                new SubnetConfiguration { Name = "public", SubnetType = SubnetType.PUBLIC, CidrMask = 24 },
                new SubnetConfiguration { Name = "private", SubnetType = SubnetType.PRIVATE_WITH_EGRESS, CidrMask = 20 },
                new SubnetConfiguration { Name = "database", SubnetType = SubnetType.PRIVATE_ISOLATED, CidrMask = 24 },
            ],
            GatewayEndpoints = new Dictionary<string, IGatewayVpcEndpointOptions>
            {
                ["S3"] = new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 },
            },
        });

        CatalogClients = new SecurityGroup(this, "CatalogClients", new SecurityGroupProps
        {
            Vpc = Vpc,
            Description = "SDC functions that use the catalog",
            AllowAllOutbound = true,
        });

        Database = new DatabaseInstance(this, "Database", new DatabaseInstanceProps
        {
            Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.VER_16_4 }),
            InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(
                Enum.Parse<InstanceClass>(settings.Database.InstanceClass, ignoreCase: true),
                Enum.Parse<InstanceSize>(settings.Database.InstanceSize, ignoreCase: true)),
            Vpc = Vpc,
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED },
            PubliclyAccessible = false,
            MultiAz = settings.Database.MultiAz,
            AllocatedStorage = settings.Database.AllocatedStorageGiB,
            MaxAllocatedStorage = settings.Database.AllocatedStorageGiB * 4,
            StorageType = StorageType.GP3,
            StorageEncrypted = true,
            DatabaseName = "sdc",
            Credentials = Credentials.FromGeneratedSecret("sdc_admin"),
            BackupRetention = Duration.Days(settings.Database.BackupDays),
            DeletionProtection = settings.RetainData,
            RemovalPolicy = settings.RetainData ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY,
            DeleteAutomatedBackups = !settings.RetainData,
            AutoMinorVersionUpgrade = true,
            EnablePerformanceInsights = true,
            CloudwatchLogsExports = ["postgresql"],
            // TLS for every connection (the functions connect with SSL Mode=Require).
            ParameterGroup = new ParameterGroup(this, "Parameters", new ParameterGroupProps
            {
                Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.VER_16_4 }),
                Parameters = new Dictionary<string, string> { ["rds.force_ssl"] = "1" },
            }),
        });
        Database.Connections.AllowDefaultPortFrom(CatalogClients, "SDC functions");
        Secret = Database.Secret!;

        Functions = new FunctionContext(inputs, settings, Vpc, CatalogClients, Secret, new Dictionary<string, Amazon.CDK.AWS.S3.IBucket>
        {
            ["inbox"] = storage.Inbox,
            ["archive"] = storage.Archive,
            ["products"] = storage.Products,
            ["public"] = storage.Public,
        });

        // Migrations: the same scripts, applied by the same code (Catalog.MigrateAsync) as locally.
        // The checksum of the scripts is a property, so CloudFormation updates the resource (and
        // the function runs) exactly when a migration is added; a failed migration fails the
        // deployment, which rolls back.
        var migrate = SdcFunction.Create(this, "Migrate", Functions, FunctionHandlers.Migrate, 1024, Duration.Minutes(10));
        var provider = new Provider(this, "MigrationProvider", new ProviderProps { OnEventHandler = migrate });
        var migration = new CustomResource(this, "Migration", new CustomResourceProps
        {
            ServiceToken = provider.ServiceToken,
            ResourceType = "Custom::SdcCatalogMigration",
            Properties = new Dictionary<string, object> { ["MigrationsChecksum"] = inputs.MigrationsChecksum },
        });
        migration.Node.AddDependency(Database);
    }

    public Vpc Vpc { get; }

    /// <summary>The security group of everything that may connect to the database.</summary>
    public SecurityGroup CatalogClients { get; }

    public DatabaseInstance Database { get; }

    /// <summary>The database credentials (host, port, dbname, username, password).</summary>
    public ISecret Secret { get; }

    /// <summary>What the other stacks' functions are built with.</summary>
    public FunctionContext Functions { get; }
}
