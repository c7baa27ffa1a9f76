namespace Sdc.Api.Http;

/// <summary>
/// One API call as either host hands it over: method, path (without the stage prefix), query
/// parameters with every value given, the body, and who is calling (already authenticated).
/// </summary>
public sealed record ApiRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Query,
    ReadOnlyMemory<byte> Body,
    Caller Caller)
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> NoQuery { get; } =
        new Dictionary<string, IReadOnlyList<string>>();
}
