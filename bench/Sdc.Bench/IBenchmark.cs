namespace Sdc.Bench;

/// <summary>One benchmark, run as <c>Sdc.Bench &lt;name&gt; [options]</c>.</summary>
internal interface IBenchmark
{
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Usage { get; }

    /// <summary>Runs the benchmark and returns the process exit code.</summary>
    Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken);
}
