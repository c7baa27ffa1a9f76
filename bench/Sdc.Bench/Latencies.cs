using System.Globalization;

namespace Sdc.Bench;

/// <summary>Latency samples in milliseconds, summarised by nearest-rank percentiles.</summary>
internal sealed class Latencies
{
    private readonly List<double> _samples = [];

    public int Count => _samples.Count;

    public void Add(TimeSpan elapsed) => _samples.Add(elapsed.TotalMilliseconds);

    /// <summary>Nearest-rank percentile: the smallest sample with at least p% of samples at or below it.</summary>
    public double Percentile(double p)
    {
        if (_samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _samples.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public double Max => _samples.Count == 0 ? double.NaN : _samples.Max();

    public double Mean => _samples.Count == 0 ? double.NaN : _samples.Average();

    public string Summary() => string.Create(
        CultureInfo.InvariantCulture,
        $"p50 {Percentile(50):0.00} ms  p95 {Percentile(95):0.00} ms  p99 {Percentile(99):0.00} ms  max {Max:0.00} ms  mean {Mean:0.00} ms");
}
