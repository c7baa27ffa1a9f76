namespace Sdc.Local;

/// <summary>
/// What the local runtime substitutes for pipeline.asl.json's placeholders: ARNs in AWS's shape,
/// in a "local" region, that the interpreter's task registry routes to in-process handlers.
/// </summary>
public static class LocalArns
{
    public const string Plan = "arn:aws:lambda:local:000000000000:function:sdc-plan";
    public const string Index = "arn:aws:lambda:local:000000000000:function:sdc-index";
    public const string RecordJob = "arn:aws:lambda:local:000000000000:function:sdc-record-job";
    public const string Summarize = "arn:aws:lambda:local:000000000000:function:sdc-summarize";
    public const string BatchSubmitJobSync = "arn:aws:states:::batch:submitJob.sync";

    /// <summary>The placeholders of pipeline.asl.json and their local values (CDK's DefinitionSubstitutions on AWS).</summary>
    public static IReadOnlyDictionary<string, string> Substitutions { get; } = new Dictionary<string, string>
    {
        ["PlanFunctionArn"] = Plan,
        ["IndexFunctionArn"] = Index,
        ["RecordJobFunctionArn"] = RecordJob,
        ["SummarizeFunctionArn"] = Summarize,
    };
}
