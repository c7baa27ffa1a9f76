using Sdc.Processing;

namespace Sdc.Processing.Tests;

/// <summary>
/// The smallest real processor: writes each input back as a "product" (reversed bytes), warns on
/// request, fails on request. Exercises the whole contract without any instrument knowledge.
/// </summary>
internal sealed class CopyProcessor : IProcessor
{
    public string Name => "exi";

    public string Version => "1.0.0";

    public IReadOnlyList<MessageCode> Messages { get; } =
    [
        new("EXI-W001", MessageSeverity.Warning, "Test warning."),
        new("EXI-E001", MessageSeverity.Error, "Test failure."),
    ];

    public async Task RunAsync(ProcessingContext context, CancellationToken cancellationToken)
    {
        var mode = context.Job.Parameters["mode"]?.GetValue<string>() ?? "ok";
        if (mode == "fail")
        {
            throw new ProcessingException("EXI-E001", "asked to fail");
        }
        if (mode == "warn")
        {
            context.Log.Warning("EXI-W001", "asked to warn", context.Job.Inputs[0].Name, 42);
        }
        if (mode == "undocumented")
        {
            context.Log.Warning("EXI-W999", "not in the table");
        }
        var scale = context.Config.GetDouble("scale", 1.0, 0, 10);
        foreach (var input in context.Job.Inputs)
        {
            var bytes = await File.ReadAllBytesAsync(context.InputPath(input), cancellationToken);
            Array.Reverse(bytes);
            var start = context.Job.CreationTime.AddHours(-scale);
            await context.Products.WriteAsync(
                new ProductDescription(input.Name + ".rev", "l1", "f635", start, start.AddHours(1), 11),
                stream => stream.WriteAsync(bytes, cancellationToken).AsTask(), cancellationToken);
        }
    }
}
