using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sdc.States.Errors;
using Sdc.States.Execution;
using Sdc.States.Expressions;
using Sdc.States.Processing;

namespace Sdc.States.States;

/// <summary>
/// Map (inline): runs its item processor once per item of the array at ItemsPath, at most
/// MaxConcurrency at a time (0: all at once); the result is the array of iteration outputs in item
/// order. Without a tolerated failure count or percentage the first failed item fails the state
/// with its own error; with one, the state fails with States.ExceedToleratedFailureThreshold
/// only once more items failed than tolerated.
/// </summary>
internal sealed class MapState : RecoverableState
{
    private readonly PathField _itemsPath;
    private readonly PayloadTemplate? _itemSelector;
    private readonly IntegerField _maxConcurrency;
    private readonly IntegerField _toleratedCount;
    private readonly IntegerField _toleratedPercentage;

    public MapState(string name, JsonObject json)
        : base(name, json)
    {
        _itemsPath = PathField.Read(json, "ItemsPath");
        var selector = json.TryGetPropertyValue("ItemSelector", out var itemSelector) ? itemSelector
            : json.TryGetPropertyValue("Parameters", out var parameters) ? parameters : null;
        _itemSelector = selector is null ? null : PayloadTemplate.Compile(selector);
        Processor = StateGraph.Parse((json["ItemProcessor"] ?? json["Iterator"])!.AsObject());
        _maxConcurrency = IntegerField.Read(json, "MaxConcurrency");
        _toleratedCount = IntegerField.Read(json, "ToleratedFailureCount");
        _toleratedPercentage = IntegerField.Read(json, "ToleratedFailurePercentage");
    }

    public StateGraph Processor { get; }

    protected override JsonNode? EffectiveInput(JsonNode? input, StateContext context) => InputPath.Apply(input, Name);

    protected override async Task<JsonNode?> AttemptAsync(JsonNode? effectiveInput, StateContext context, CancellationToken cancellationToken)
    {
        if (_itemsPath.Apply(effectiveInput, Name) is not JsonArray items)
        {
            throw new StatesRuntimeException($"An error occurred while executing the state '{Name}'. The ItemsPath does not select a JSON array.");
        }
        var maxConcurrency = _maxConcurrency.Resolve(effectiveInput, Name) ?? 0;
        var toleratedCount = _toleratedCount.Resolve(effectiveInput, Name);
        var toleratedPercentage = _toleratedPercentage.Resolve(effectiveInput, Name);
        var tolerant = toleratedCount is > 0 || toleratedPercentage is > 0;

        var history = context.Scope.History;
        history.Record("MapStateStarted", Name, input: new JsonObject { ["length"] = items.Count });
        var results = new JsonNode?[items.Count];
        var failures = 0;
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        StatesException? firstFailure = null;

        async Task RunItemAsync(int index)
        {
            history.Record("MapIterationStarted", Name, index: index);
            try
            {
                var itemInput = _itemSelector is null
                    ? items[index]?.DeepClone()
                    : _itemSelector.Evaluate(effectiveInput, context.MapItemContextObject(index, items[index]));
                var output = await GraphRunner.RunAsync(Processor, itemInput, context.Scope, failFast.Token);
                results[index] = output?.Parent is null ? output : output.DeepClone();
                history.Record("MapIterationSucceeded", Name, index: index);
            }
            catch (StatesException error)
            {
                history.Record("MapIterationFailed", Name, error: error.Error, cause: error.Cause, index: index);
                Interlocked.Increment(ref failures);
                if (tolerant && error.IsRecoverable)
                {
                    results[index] = new JsonObject { ["Error"] = error.Error, ["Cause"] = error.Cause };
                    return;
                }
                if (Interlocked.CompareExchange(ref firstFailure, error, null) is null)
                {
                    await failFast.CancelAsync();
                }
            }
        }

        if (maxConcurrency <= 0 || maxConcurrency >= items.Count)
        {
            var runs = new Task[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                runs[i] = RunItemAsync(i);
            }
            await WhenAllSettledAsync(runs);
        }
        else
        {
            var next = -1;
            async Task WorkerAsync()
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < items.Count && !failFast.IsCancellationRequested)
                {
                    await RunItemAsync(index);
                }
            }
            await WhenAllSettledAsync(Enumerable.Range(0, maxConcurrency).Select(_ => WorkerAsync()).ToArray());
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (firstFailure is not null)
        {
            history.Record("MapStateFailed", Name, error: firstFailure.Error, cause: firstFailure.Cause);
            throw firstFailure;
        }
        if (tolerant && Exceeds(failures, items.Count, toleratedCount, toleratedPercentage))
        {
            var exceeded = new StatesExceedToleratedFailureThresholdException(string.Create(CultureInfo.InvariantCulture,
                $"The specified tolerated failure threshold was exceeded: {failures} of {items.Count} items failed."));
            history.Record("MapStateFailed", Name, error: exceeded.Error, cause: exceeded.Cause);
            throw exceeded;
        }
        history.Record("MapStateSucceeded", Name);
        return new JsonArray(results);
    }

    // Either threshold, when given, is enough to fail the state.
    private static bool Exceeds(int failures, int total, int? count, int? percentage) =>
        (count is { } c && failures > c) || (percentage is { } p && failures * 100.0 / total > p);

    // Iterations report their own failures; a cancelled sibling must not hide the first real error.
    private static async Task WhenAllSettledAsync(Task[] runs)
    {
        try
        {
            await Task.WhenAll(runs);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>A field given as an integer or read from the input by its …Path twin (MaxConcurrency, ToleratedFailureCount…).</summary>
    private sealed class IntegerField(string name, int? value, JsonPath? path)
    {
        public static IntegerField Read(JsonObject json, string name) =>
            new(name, json[name]?.GetValue<int>(), json[name + "Path"] is { } p ? JsonPath.Parse(p.GetValue<string>()) : null);

        public int? Resolve(JsonNode? input, string stateName)
        {
            if (path is null)
            {
                return value;
            }
            if (path.TryEvaluate(input, out var found) && JsonValues.TryGetInt64(found, out var number) && number is >= 0 and <= int.MaxValue)
            {
                return (int)number;
            }
            var shown = found is JsonValue { } s && s.GetValueKind() == JsonValueKind.String ? $"\"{s.GetValue<string>()}\"" : found?.ToJsonString() ?? "null";
            throw new StatesRuntimeException(
                $"An error occurred while executing the state '{stateName}'. The {name}Path field refers to value {shown} which is not a valid integer: {path.Text}");
        }
    }
}
