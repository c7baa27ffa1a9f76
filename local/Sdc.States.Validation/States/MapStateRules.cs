using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace Sdc.States.Validation.States;

/// <summary>Map: runs its item processor, a state machine of its own, once per item of its input.</summary>
internal sealed class MapStateRules : StateRules
{
    private static readonly FrozenSet<string> ProcessorFields = Fields.Set(["StartAt", "States", "Comment", "ProcessorConfig"]);

    public override string Type => "Map";

    protected override FrozenSet<string> JsonPathFields { get; } = Fields.Set(Common, Transition,
    [
        "ItemProcessor", "Iterator", "ItemsPath", "ItemSelector", "Parameters", "ItemReader", "ItemBatcher", "ResultWriter",
        "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount", "ToleratedFailureCountPath",
        "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "Label",
        "InputPath", "OutputPath", "ResultPath", "ResultSelector", "Retry", "Catch", "Assign",
    ]);

    protected override FrozenSet<string> JsonataFields { get; } = Fields.Set(Common, Transition,
    [
        "ItemProcessor", "Items", "ItemSelector", "ItemReader", "ItemBatcher", "ResultWriter",
        "MaxConcurrency", "ToleratedFailureCount", "ToleratedFailurePercentage", "Label", "Output", "Assign", "Retry", "Catch",
    ]);

    protected override void CheckSpecific(StateNode state)
    {
        var json = state.Json;
        var site = state.Site;
        CheckProcessor(state);

        var jsonata = state.IsJsonata;
        Fields.Integer(json, site, "MaxConcurrency", 0, int.MaxValue, allowJsonata: jsonata);
        Fields.Integer(json, site, "ToleratedFailureCount", 0, int.MaxValue, allowJsonata: jsonata);
        Fields.Number(json, site, "ToleratedFailurePercentage", 0, 100, allowJsonata: jsonata);
        Fields.String(json, site, "Label", state.Owner);
        CheckItemReader(state);
        Fields.Object(json, site, "ItemBatcher", state.Owner);
        if (Fields.Object(json, site, "ResultWriter", state.Owner) is { } writer)
        {
            Fields.String(writer, state.Field("ResultWriter"), "Resource", "ResultWriter", required: true);
        }
        if (jsonata)
        {
            return;
        }

        Fields.AtMostOne(json, site, "ItemSelector", "Parameters");
        PayloadTemplates.Check(json, site, "ItemSelector");
        Fields.ReferencePath(json, site, "ItemsPath");
        foreach (var (value, path) in new[]
        {
            ("MaxConcurrency", "MaxConcurrencyPath"),
            ("ToleratedFailureCount", "ToleratedFailureCountPath"),
            ("ToleratedFailurePercentage", "ToleratedFailurePercentagePath"),
        })
        {
            Fields.AtMostOne(json, site, value, path);
            Fields.ReferencePath(json, site, path);
        }
    }

    private static void CheckProcessor(StateNode state)
    {
        var json = state.Json;
        var hasProcessor = json.ContainsKey("ItemProcessor");
        var hasIterator = json.ContainsKey("Iterator");
        if (hasProcessor && hasIterator)
        {
            state.Field("Iterator").Report(ProblemCodes.MutuallyExclusiveFields,
                "ItemProcessor and Iterator exclude each other; keep ItemProcessor (Iterator is its older name).");
        }
        else if (!hasProcessor && !hasIterator)
        {
            state.Site.Report(ProblemCodes.MissingField, "A Map state needs an ItemProcessor: the state machine it runs for each item.");
        }

        // Iterator is the older name of ItemProcessor, with the same content; when both are given, only one is checked.
        var field = hasProcessor ? "ItemProcessor" : "Iterator";
        if (!json.TryGetPropertyValue(field, out var processor))
        {
            return;
        }
        var site = state.Field(field);
        CheckScope(state, processor, site, ProcessorFields, $"The {field} of Map state \"{state.Name}\"");
        if (processor is JsonObject obj && Fields.Object(obj, site, "ProcessorConfig", field) is { } config)
        {
            var at = site.Field("ProcessorConfig");
            var mode = Fields.OneOf(config, at, "Mode", "ProcessorConfig", "INLINE", "DISTRIBUTED");
            Fields.OneOf(config, at, "ExecutionType", "ProcessorConfig", "STANDARD", "EXPRESS");
            if (mode == "DISTRIBUTED")
            {
                Fields.Require(config, at, "ExecutionType", "A DISTRIBUTED ProcessorConfig");
            }
        }
    }

    private static void CheckItemReader(StateNode state)
    {
        if (Fields.Object(state.Json, state.Site, "ItemReader", state.Owner) is not { } reader)
        {
            return;
        }
        var at = state.Field("ItemReader");
        Fields.String(reader, at, "Resource", "ItemReader", required: true);
        Fields.Object(reader, at, "ReaderConfig", "ItemReader");
        if (state.IsJsonPath)
        {
            PayloadTemplates.Check(reader, at, "Parameters");
        }
    }
}
