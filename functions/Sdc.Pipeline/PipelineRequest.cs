namespace Sdc.Pipeline;

/// <summary>
/// What an execution is asked to do: process a manifest's new inputs (<c>kind</c> delivery or
/// sidecar, <c>manifest</c> its archive key), or reprocess an instrument's data in a time range
/// (<c>kind</c> reprocessing, e.g. after a processor version was promoted), or do what the request
/// object at <c>archive:</c><see cref="Manifest"/> says (<c>kind</c> stored: a reprocessing request
/// written through the API, which starts its execution the way a manifest does).
/// </summary>
public sealed record PipelineRequest(string Kind, string? Manifest = null, string? Instrument = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    string? Reason = null)
{
    public const string Delivery = "delivery";
    public const string Reprocessing = "reprocessing";
    public const string Stored = "stored";

    public bool IsReprocessing => Kind == Reprocessing;
}
