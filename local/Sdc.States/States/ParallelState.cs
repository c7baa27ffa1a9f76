using System.Text.Json.Nodes;
using Sdc.States.Execution;
using Sdc.States.Expressions;

namespace Sdc.States.States;

/// <summary>
/// Parallel: runs every branch on the same input at once; the result is the array of their
/// outputs in branch order. The first branch to fail cancels the others and its error (with its
/// own name, as on AWS) becomes the Parallel state's.
/// </summary>
internal sealed class ParallelState : RecoverableState
{
    private readonly PayloadTemplate? _parameters;

    public ParallelState(string name, JsonObject json)
        : base(name, json)
    {
        Branches = json["Branches"]!.AsArray().Select(b => StateGraph.Parse(b!.AsObject())).ToList();
        _parameters = json.TryGetPropertyValue("Parameters", out var parameters) ? PayloadTemplate.Compile(parameters) : null;
    }

    public IReadOnlyList<StateGraph> Branches { get; }

    protected override JsonNode? EffectiveInput(JsonNode? input, StateContext context)
    {
        var effective = InputPath.Apply(input, Name);
        return _parameters is null ? effective : _parameters.Evaluate(effective, context.ContextObject());
    }

    protected override async Task<JsonNode?> AttemptAsync(JsonNode? effectiveInput, StateContext context, CancellationToken cancellationToken)
    {
        var history = context.Scope.History;
        history.Record("ParallelStateStarted", Name);
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var runs = Branches.Select(async branch =>
        {
            try
            {
                // Each branch gets its own copy: branches must not see each other's changes.
                return await GraphRunner.RunAsync(branch, effectiveInput?.DeepClone(), context.Scope, failFast.Token);
            }
            catch (Exception) when (!failFast.IsCancellationRequested)
            {
                await failFast.CancelAsync();
                throw;
            }
        }).ToList();
        try
        {
            var outputs = await Task.WhenAll(runs);
            history.Record("ParallelStateSucceeded", Name);
            return new JsonArray(outputs.Select(o => o?.Parent is null ? o : o.DeepClone()).ToArray());
        }
        catch (Exception) when (FirstFailure(runs) is { } failure)
        {
            history.Record("ParallelStateFailed", Name, error: failure.Error, cause: failure.Cause);
            throw failure;
        }
    }

    // The branch that failed first (by its own error, not the cancellation it caused in the others).
    private static Errors.StatesException? FirstFailure(List<Task<JsonNode?>> runs) =>
        runs.Where(r => r.IsFaulted).Select(r => r.Exception!.InnerException).OfType<Errors.StatesException>().FirstOrDefault();
}
