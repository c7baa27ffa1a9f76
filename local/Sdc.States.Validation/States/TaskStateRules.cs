using System.Collections.Frozen;

namespace Sdc.States.Validation.States;

/// <summary>Task: runs the work its <c>Resource</c> names, which the host must know.</summary>
internal sealed class TaskStateRules : StateRules
{
    private const long MaxSeconds = 99_999_999;

    public override string Type => "Task";

    protected override FrozenSet<string> JsonPathFields { get; } = Fields.Set(Common, Transition,
    [
        "Resource", "InputPath", "OutputPath", "ResultPath", "Parameters", "ResultSelector", "Retry", "Catch",
        "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials", "Assign",
    ]);

    protected override FrozenSet<string> JsonataFields { get; } = Fields.Set(Common, Transition,
        ["Resource", "Arguments", "Output", "Assign", "Retry", "Catch", "TimeoutSeconds", "HeartbeatSeconds", "Credentials"]);

    protected override void CheckSpecific(StateNode state)
    {
        var json = state.Json;
        var site = state.Site;
        if (Fields.String(json, site, "Resource", state.Owner, required: true) is { } resource
            && state.Context.Options.IsKnownResource is { } isKnown && !isKnown(resource))
        {
            state.Field("Resource").Report(ProblemCodes.UnknownResource,
                $"Task state \"{state.Name}\" uses the resource \"{resource}\", which this host does not know; use one of the resources it provides.");
        }

        var timeout = Fields.Integer(json, site, "TimeoutSeconds", 1, MaxSeconds, allowJsonata: state.IsJsonata);
        var heartbeat = Fields.Integer(json, site, "HeartbeatSeconds", 1, MaxSeconds, allowJsonata: state.IsJsonata);
        if (timeout is { } t && heartbeat is { } h && h >= t)
        {
            state.Field("HeartbeatSeconds").Report(ProblemCodes.HeartbeatNotBelowTimeout,
                $"HeartbeatSeconds ({h}) must be smaller than TimeoutSeconds ({t}).");
        }
        if (state.IsJsonPath)
        {
            Fields.AtMostOne(json, site, "TimeoutSeconds", "TimeoutSecondsPath");
            Fields.AtMostOne(json, site, "HeartbeatSeconds", "HeartbeatSecondsPath");
            Fields.ReferencePath(json, site, "TimeoutSecondsPath");
            Fields.ReferencePath(json, site, "HeartbeatSecondsPath");
            PayloadTemplates.Check(json, site, "Credentials");
        }
    }
}
