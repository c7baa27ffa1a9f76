using Amazon.CDK;
using Amazon.CDK.AWS.Batch;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using Sdc.Infra.Building;
using Sdc.Ingest.Layout;
using Sdc.Pipeline;
using BatchAction = Amazon.CDK.AWS.Batch.Action;
using Function = Amazon.CDK.AWS.Lambda.Function;
using LogGroup = Amazon.CDK.AWS.Logs.LogGroup;

namespace Sdc.Infra.Stacks;

/// <summary>
/// Processing: the functions that check, archive and index data; the EventBridge rules that route
/// bucket events to them and start the pipeline; the pipeline state machine from
/// <c>infra/pipeline.asl.json</c>; AWS Batch (Fargate) with a production and a lower-priority
/// reprocessing queue and one job definition per processor of <c>mission.yaml</c>; an ECR
/// repository per processor; alarms to an SNS topic.
/// </summary>
public sealed class ProcessingStack : Stack
{
    public ProcessingStack(Construct scope, string id, DeploymentInputs inputs, StageSettings settings, StorageStack storage, CatalogStack catalog,
        IStackProps props)
        : base(scope, id, props)
    {
        var functions = catalog.Functions;
        var prefix = $"sdc-{settings.Name}-";

        Alarms = new Topic(this, "Alarms", new TopicProps { DisplayName = $"SDC {settings.Name} alarms" });
        Alarms.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Effect = Effect.DENY,
            Principals = [new AnyPrincipal()],
            Actions = ["sns:Publish"],
            Resources = [Alarms.TopicArn],
            Conditions = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } },
        }));
        if (settings.AlarmEmail is { } email)
        {
            Alarms.AddSubscription(new EmailSubscription(email));
        }

        // --- Batch: where processors run -------------------------------------------------------
        var jobs = new SecurityGroup(this, "Jobs", new SecurityGroupProps { Vpc = catalog.Vpc, Description = "SDC processor jobs (outbound only)", AllowAllOutbound = true });
        var jobSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS };
        var onDemand = new FargateComputeEnvironment(this, "OnDemand", new FargateComputeEnvironmentProps
        {
            Vpc = catalog.Vpc, VpcSubnets = jobSubnets, SecurityGroups = [jobs], MaxvCpus = settings.BatchMaxVcpus, Spot = false,
        });
        // Reprocessing tolerates interruption (a job is deterministic and is retried), so it runs on
        // Fargate Spot first and spills onto on-demand capacity only when Spot has none.
        var spot = new FargateComputeEnvironment(this, "Spot", new FargateComputeEnvironmentProps
        {
            Vpc = catalog.Vpc, VpcSubnets = jobSubnets, SecurityGroups = [jobs], MaxvCpus = settings.BatchMaxVcpus, Spot = true,
        });
        ProductionQueue = new JobQueue(this, "ProductionQueue", new JobQueueProps
        {
            JobQueueName = prefix + Queues.Production,
            Priority = 100,
            ComputeEnvironments = [new OrderedComputeEnvironment { ComputeEnvironment = onDemand, Order = 1 }],
        });
        ReprocessingQueue = new JobQueue(this, "ReprocessingQueue", new JobQueueProps
        {
            JobQueueName = prefix + Queues.Reprocessing,
            Priority = 10,
            ComputeEnvironments =
            [
                new OrderedComputeEnvironment { ComputeEnvironment = spot, Order = 1 },
                new OrderedComputeEnvironment { ComputeEnvironment = onDemand, Order = 2 },
            ],
        });

        foreach (var processor in inputs.Mission.Processors)
        {
            var repository = new Repository(this, $"Repository-{processor.Instrument}", new RepositoryProps
            {
                RepositoryName = $"{settings.Name}/{processor.Image}",
                ImageTagMutability = TagMutability.IMMUTABLE,
                ImageScanOnPush = true,
                RemovalPolicy = settings.RetainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
                EmptyOnDelete = !settings.RetainData,
                LifecycleRules = [new Amazon.CDK.AWS.ECR.LifecycleRule { Description = "untagged layers of abandoned pushes", TagStatus = TagStatus.UNTAGGED, MaxImageAge = Duration.Days(14) }],
            });

            var role = new Role(this, $"JobRole-{processor.Instrument}", new RoleProps
            {
                AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com"),
                Description = $"{processor.Instrument} processor jobs: read Level 0, kernels, its calibration and its products; write job outputs",
            });
            // Inputs: Level 0 (its own and the spacecraft's housekeeping), every kernel, its own
            // calibration, its own lower-level products, and its job file (under jobs/, where Plan
            // puts it). Outputs: only under jobs/ (the Index task moves them to their canonical keys
            // after checking them).
            BucketAccess.Read(role, storage.Archive, "l0/", "kernels/", $"calibration/{processor.Instrument}/");
            BucketAccess.Read(role, storage.Products, $"{processor.Instrument}/", StorageLayout.JobOutputPrefix);
            BucketAccess.Write(role, storage.Products, StorageLayout.JobOutputPrefix);

            var (release, tagOrDigest) = ProcessorImages.For(inputs.Processors, processor.Instrument, settings.Processors);
            new EcsJobDefinition(this, $"JobDefinition-{processor.Instrument}", new EcsJobDefinitionProps
            {
                JobDefinitionName = prefix + processor.Instrument,
                Container = new EcsFargateContainerDefinition(this, $"Container-{processor.Instrument}", new EcsFargateContainerDefinitionProps
                {
                    Image = ContainerImage.FromEcrRepository(repository, tagOrDigest),
                    Cpu = processor.Vcpu,
                    Memory = Size.Mebibytes(processor.MemoryMiB),
                    JobRole = role,
                    AssignPublicIp = false,
                    FargateCpuArchitecture = CpuArchitecture.X86_64,
                    Environment = new Dictionary<string, string> { ["SDC_PROCESSOR_VERSION"] = release.Version },
                    Logging = LogDriver.AwsLogs(new AwsLogDriverProps
                    {
                        StreamPrefix = processor.Instrument,
                        LogGroup = new LogGroup(this, $"JobLogs-{processor.Instrument}", new Amazon.CDK.AWS.Logs.LogGroupProps
                        {
                            Retention = settings.RetainData ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH,
                            RemovalPolicy = RemovalPolicy.DESTROY,
                        }),
                    }),
                }),
                Timeout = Duration.Seconds(processor.TimeoutSeconds),
                RetryAttempts = processor.RetryAttempts,
                // Only infrastructure failures are retried; a processor that exits non-zero would
                // exit the same way again (jobs are deterministic), so that ends the job at once.
                RetryStrategies =
                [
                    RetryStrategy.Of(BatchAction.RETRY, Reason.SPOT_INSTANCE_RECLAIMED),
                    RetryStrategy.Of(BatchAction.RETRY, Reason.CANNOT_PULL_CONTAINER),
                    RetryStrategy.Of(BatchAction.EXIT, Reason.Custom(new CustomReason { OnExitCode = "*" })),
                ],
                PropagateTags = true,
            });
        }

        // --- Functions ------------------------------------------------------------------------
        Integrity = SdcFunction.Create(this, "Integrity", functions, FunctionHandlers.Integrity, 2048, Duration.Minutes(5));
        BucketAccess.Read(Integrity, storage.Inbox, BucketAccess.Everything);
        BucketAccess.Delete(Integrity, storage.Inbox, BucketAccess.Everything);
        BucketAccess.List(Integrity, storage.Inbox, BucketAccess.Everything);
        BucketAccess.Read(Integrity, storage.Archive, BucketAccess.Everything);
        BucketAccess.Write(Integrity, storage.Archive, BucketAccess.Everything);
        BucketAccess.List(Integrity, storage.Archive, BucketAccess.Everything);

        Indexer = SdcFunction.Create(this, "Indexer", functions, FunctionHandlers.Indexer, 1024, Duration.Minutes(5));
        BucketAccess.Read(Indexer, storage.Products, StorageLayout.UploadPrefix);
        BucketAccess.Delete(Indexer, storage.Products, StorageLayout.UploadPrefix);
        BucketAccess.Write(Indexer, storage.Products, BucketAccess.Everything);

        var batchNames = new Dictionary<string, string>
        {
            ["SDC_JOB_QUEUE_PRODUCTION"] = ProductionQueue.JobQueueArn,
            ["SDC_JOB_QUEUE_REPROCESSING"] = ReprocessingQueue.JobQueueArn,
            ["SDC_JOB_DEFINITION_PREFIX"] = prefix,
        };
        Plan = SdcFunction.Create(this, "Plan", functions, FunctionHandlers.Plan, 1024, Duration.Minutes(5), batchNames);
        BucketAccess.Read(Plan, storage.Archive, BucketAccess.Everything);
        BucketAccess.List(Plan, storage.Archive, BucketAccess.Everything);
        BucketAccess.Read(Plan, storage.Products, BucketAccess.Everything);
        BucketAccess.List(Plan, storage.Products, BucketAccess.Everything);
        BucketAccess.Write(Plan, storage.Products, StorageLayout.JobOutputPrefix); // the job files (functions/Sdc.Functions/JobFiles.cs)

        IndexJob = SdcFunction.Create(this, "IndexJob", functions, FunctionHandlers.IndexJob, 1024, Duration.Minutes(5));
        BucketAccess.Read(IndexJob, storage.Products, StorageLayout.JobOutputPrefix);
        BucketAccess.List(IndexJob, storage.Products, StorageLayout.JobOutputPrefix);
        BucketAccess.Delete(IndexJob, storage.Products, StorageLayout.JobOutputPrefix);
        BucketAccess.Write(IndexJob, storage.Products, BucketAccess.Everything);

        RecordJob = SdcFunction.Create(this, "RecordJob", functions, FunctionHandlers.RecordJob, 512, Duration.Minutes(1));
        Summarize = SdcFunction.Create(this, "Summarize", functions, FunctionHandlers.Summarize, 512, Duration.Minutes(1));

        Reconciler = SdcFunction.Create(this, "Reconciler", functions, FunctionHandlers.Reconciler, 2048, Duration.Minutes(15));
        foreach (var bucket in new[] { storage.Inbox, storage.Archive, storage.Products, storage.Public })
        {
            BucketAccess.Read(Reconciler, bucket, BucketAccess.Everything);
            BucketAccess.List(Reconciler, bucket, BucketAccess.Everything);
        }
        BucketAccess.Write(Reconciler, storage.Archive, StorageLayout.ReportPrefix);

        // --- The pipeline ---------------------------------------------------------------------
        var pipelineLogs = new LogGroup(this, "PipelineLogs", new Amazon.CDK.AWS.Logs.LogGroupProps
        {
            Retention = settings.RetainData ? RetentionDays.SIX_MONTHS : RetentionDays.ONE_MONTH,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        Pipeline = new StateMachine(this, "Pipeline", new StateMachineProps
        {
            StateMachineName = prefix + "pipeline",
            StateMachineType = StateMachineType.STANDARD,
            DefinitionBody = DefinitionBody.FromFile(inputs.PipelineDefinitionPath),
            DefinitionSubstitutions = new Dictionary<string, string>
            {
                ["PlanFunctionArn"] = Plan.FunctionArn,
                ["IndexFunctionArn"] = IndexJob.FunctionArn,
                ["RecordJobFunctionArn"] = RecordJob.FunctionArn,
                ["SummarizeFunctionArn"] = Summarize.FunctionArn,
            },
            Logs = new LogOptions { Destination = pipelineLogs, Level = LogLevel.ERROR, IncludeExecutionData = false },
            TracingEnabled = true,
        });
        foreach (var task in new[] { Plan, IndexJob, RecordJob, Summarize })
        {
            task.GrantInvoke(Pipeline);
        }
        // What batch:submitJob.sync needs (a definition from a file gets no automatic grants):
        // submit to our queues with our definitions, follow and stop the job, and the managed rule
        // through which Step Functions hears of the job's end.
        Pipeline.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["batch:SubmitJob"],
            Resources =
            [
                ProductionQueue.JobQueueArn, ReprocessingQueue.JobQueueArn,
                .. inputs.Mission.Processors.Select(p => Arn.Format(new ArnComponents { Service = "batch", Resource = "job-definition", ResourceName = $"{prefix}{p.Instrument}:*" }, this)),
            ],
        }));
        Pipeline.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            // Batch supports no resource-level permission for these two.
            Actions = ["batch:DescribeJobs", "batch:TerminateJob"],
            Resources = ["*"],
        }));
        Pipeline.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["events:PutTargets", "events:PutRule", "events:DescribeRule"],
            Resources = [Arn.Format(new ArnComponents { Service = "events", Resource = "rule", ResourceName = "StepFunctionsGetEventsForBatchJobsRule" }, this)],
        }));

        // --- Routes: what a bucket event starts (locally: LocalRuntime.RouteAsync) ---------------
        Route("InboxToIntegrity", storage.Inbox, null, new LambdaFunction(Integrity, new LambdaFunctionProps { RetryAttempts = 4 }));
        Route("UploadsToIndexer", storage.Products, StorageLayout.UploadPrefix, new LambdaFunction(Indexer, new LambdaFunctionProps { RetryAttempts = 4 }));
        Route("ManifestsToPipeline", storage.Archive, StorageLayout.ManifestPrefix, PipelineStart(PipelineRequest.Delivery));
        Route("RequestsToPipeline", storage.Archive, StorageLayout.RequestPrefix, PipelineStart(PipelineRequest.Stored));
        new Rule(this, "NightlyReconcile", new RuleProps
        {
            Description = "Compares storage with the catalog every night",
            Schedule = Schedule.Cron(new CronOptions { Hour = "3", Minute = "17" }),
            Targets = [new LambdaFunction(Reconciler)],
        });

        // --- Alarms ---------------------------------------------------------------------------
        var notify = new SnsAction(Alarms);
        Alarm("PipelineFailed", Pipeline.MetricFailed(new MetricOptions { Period = Duration.Minutes(5), Statistic = "Sum" }),
            "A pipeline execution failed (the planner itself failed: see the run's summary)", notify);
        Alarm("PipelineTimedOut", Pipeline.MetricTimedOut(new MetricOptions { Period = Duration.Minutes(5), Statistic = "Sum" }),
            "A pipeline execution timed out", notify);
        foreach (var (name, function) in new[] { ("Integrity", Integrity), ("Indexer", Indexer), ("Plan", Plan), ("IndexJob", IndexJob), ("RecordJob", RecordJob), ("Summarize", Summarize), ("Reconciler", Reconciler) })
        {
            Alarm($"{name}Errors", function.MetricErrors(new MetricOptions { Period = Duration.Minutes(5), Statistic = "Sum" }), $"The {name} function failed", notify);
        }
        // Batch publishes no metric for failed jobs; its state-change events name them.
        new Rule(this, "FailedJobs", new RuleProps
        {
            Description = "A processor job failed",
            EventPattern = new EventPattern
            {
                Source = ["aws.batch"],
                DetailType = ["Batch Job State Change"],
                Detail = new Dictionary<string, object>
                {
                    ["status"] = new[] { "FAILED" },
                    ["jobQueue"] = new[] { ProductionQueue.JobQueueArn, ReprocessingQueue.JobQueueArn },
                },
            },
            Targets = [new SnsTopic(Alarms)],
        });
    }

    public Topic Alarms { get; }

    public JobQueue ProductionQueue { get; }

    public JobQueue ReprocessingQueue { get; }

    public Function Integrity { get; }

    public Function Indexer { get; }

    public Function Plan { get; }

    public Function IndexJob { get; }

    public Function RecordJob { get; }

    public Function Summarize { get; }

    public Function Reconciler { get; }

    public StateMachine Pipeline { get; }

    /// <summary>An EventBridge rule: objects created in <paramref name="bucket"/> (under <paramref name="prefix"/>) go to <paramref name="target"/>.</summary>
    private void Route(string id, Amazon.CDK.AWS.S3.IBucket bucket, string? prefix, IRuleTarget target)
    {
        var detail = new Dictionary<string, object> { ["bucket"] = new Dictionary<string, object> { ["name"] = new[] { bucket.BucketName } } };
        if (prefix is not null)
        {
            detail["object"] = new Dictionary<string, object> { ["key"] = new object[] { new Dictionary<string, object> { ["prefix"] = prefix } } };
        }
        new Rule(this, id, new RuleProps
        {
            EventPattern = new EventPattern { Source = ["aws.s3"], DetailType = ["Object Created"], Detail = detail },
            Targets = [target],
        });
    }

    /// <summary>
    /// Starts the pipeline with the input the local runtime gives it: the request (its kind, and
    /// the archive key of the object that asks for it) at stage 0.
    /// </summary>
    private SfnStateMachine PipelineStart(string kind) =>
        new(Pipeline, new SfnStateMachineProps
        {
            Input = RuleTargetInput.FromObject(new Dictionary<string, object>
            {
                ["request"] = new Dictionary<string, object> { ["kind"] = kind, ["manifest"] = EventField.FromPath("$.detail.object.key") },
                ["stage"] = 0,
            }),
            RetryAttempts = 8,
        });

    private void Alarm(string id, IMetric metric, string description, IAlarmAction action)
    {
        var alarm = new Alarm(this, id, new AlarmProps
        {
            Metric = metric,
            Threshold = 1,
            EvaluationPeriods = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
            AlarmDescription = description,
        });
        alarm.AddAlarmAction(action);
    }
}
