using System.Text.Json.Nodes;
using Sdc.States.Errors;
using Sdc.States.Execution;
using Sdc.States.Expressions;
using Sdc.States.Processing;
using Sdc.States.Retry;

namespace Sdc.States.States;

/// <summary>
/// The states that do work which can fail and be retried or caught: Task, Parallel and Map. Each
/// attempt runs the whole data flow again (so <c>$$.State.RetryCount</c> is current); a matching
/// retrier waits and tries again until its attempts run out, then the first matching catcher
/// sends the error output to its Next state; otherwise the error travels up.
/// </summary>
internal abstract class RecoverableState : State
{
    protected RecoverableState(string name, JsonObject json)
        : base(name, json)
    {
        Retriers = (json["Retry"] as JsonArray)?.Select(r => new Retrier(r!.AsObject())).ToList() ?? [];
        Catchers = (json["Catch"] as JsonArray)?.Select(c => new Catcher(c!.AsObject())).ToList() ?? [];
        ResultSelector = json.TryGetPropertyValue("ResultSelector", out var selector) ? PayloadTemplate.Compile(selector) : null;
        ResultPath = ResultPathField.Read(json);
    }

    protected IReadOnlyList<Retrier> Retriers { get; }

    protected IReadOnlyList<Catcher> Catchers { get; }

    protected PayloadTemplate? ResultSelector { get; }

    protected ResultPathField ResultPath { get; }

    /// <summary>One attempt: from the raw input to the state's result (before ResultSelector).</summary>
    protected abstract Task<JsonNode?> AttemptAsync(JsonNode? effectiveInput, StateContext context, CancellationToken cancellationToken);

    /// <summary>The input the work starts from: after InputPath (and Parameters, for Task and Parallel).</summary>
    protected abstract JsonNode? EffectiveInput(JsonNode? input, StateContext context);

    public sealed override async Task<Transition> ExecuteAsync(JsonNode? input, StateContext context, CancellationToken cancellationToken)
    {
        var attemptsPerRetrier = new int[Retriers.Count];
        while (true)
        {
            try
            {
                var result = await AttemptAsync(EffectiveInput(input, context), context, cancellationToken);
                if (ResultSelector is not null)
                {
                    result = ResultSelector.Evaluate(result, context.ContextObject());
                }
                return Complete(OutputPath.Apply(ResultPath.Apply(input, result), Name));
            }
            catch (StatesException error) when (error.IsRecoverable)
            {
                var retrier = FirstMatching(Retriers, r => r.ErrorEquals, error, out var index);
                if (retrier is not null && attemptsPerRetrier[index] < retrier.MaxAttempts)
                {
                    var delay = retrier.Delay(attemptsPerRetrier[index], context.Scope.Options.Random);
                    attemptsPerRetrier[index]++;
                    context.RetryCount++;
                    await context.Scope.Options.Clock.DelayAsync(delay, cancellationToken);
                    continue;
                }
                var catcher = FirstMatching(Catchers, c => c.ErrorEquals, error, out _);
                if (catcher is null)
                {
                    throw;
                }
                return new Transition.NextState(catcher.Next, catcher.Output(input, error));
            }
        }
    }

    // The first entry whose ErrorEquals matches decides; AWS does not fall through to a later retrier
    // when the matching one has used up its attempts.
    private static T? FirstMatching<T>(IReadOnlyList<T> entries, Func<T, IReadOnlyList<string>> errorEquals, StatesException error, out int index)
        where T : class
    {
        for (index = 0; index < entries.Count; index++)
        {
            if (ErrorMatcher.Matches(errorEquals(entries[index]), error))
            {
                return entries[index];
            }
        }
        index = -1;
        return null;
    }
}
