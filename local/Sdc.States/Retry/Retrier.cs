using System.Text.Json.Nodes;

namespace Sdc.States.Retry;

/// <summary>
/// One Retry entry: which errors it handles, how many times, and how long to wait before each
/// attempt (IntervalSeconds × BackoffRate^n, capped by MaxDelaySeconds, FULL jitter picks a
/// random delay up to that).
/// </summary>
internal sealed class Retrier
{
    public Retrier(JsonObject json)
    {
        ErrorEquals = json["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        IntervalSeconds = json["IntervalSeconds"]?.GetValue<double>() ?? 1;
        MaxAttempts = json["MaxAttempts"]?.GetValue<int>() ?? 3;
        BackoffRate = json["BackoffRate"]?.GetValue<double>() ?? 2.0;
        MaxDelaySeconds = json["MaxDelaySeconds"]?.GetValue<double>();
        FullJitter = json["JitterStrategy"]?.GetValue<string>() == "FULL";
    }

    public IReadOnlyList<string> ErrorEquals { get; }

    public double IntervalSeconds { get; }

    public int MaxAttempts { get; }

    public double BackoffRate { get; }

    public double? MaxDelaySeconds { get; }

    public bool FullJitter { get; }

    /// <summary>The wait before retry number <paramref name="retriesSoFar"/> + 1.</summary>
    public TimeSpan Delay(int retriesSoFar, Random random)
    {
        var seconds = IntervalSeconds * Math.Pow(BackoffRate, retriesSoFar);
        if (MaxDelaySeconds is { } max)
        {
            seconds = Math.Min(seconds, max);
        }
        if (FullJitter)
        {
            seconds = random.NextDouble() * seconds;
        }
        return TimeSpan.FromSeconds(seconds);
    }
}
