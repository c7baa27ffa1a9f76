namespace Sdc.States.Tasks;

/// <summary>
/// Maps Task <c>Resource</c> strings to the handlers that run them. A registration is an exact
/// resource (<c>arn:aws:states:::batch:submitJob.sync</c>) or a prefix ending in <c>*</c>
/// (<c>arn:aws:lambda:*</c>); the longest match wins. Unknown resources are reported when a
/// definition is validated, before it runs.
/// </summary>
public sealed class TaskResourceRegistry
{
    public const string WaitForTaskTokenSuffix = ".waitForTaskToken";

    private readonly Dictionary<string, ITaskHandler> _exact = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, ITaskHandler Handler)> _prefixes = [];

    public TaskResourceRegistry Register(string resource, ITaskHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        ArgumentNullException.ThrowIfNull(handler);
        if (resource.EndsWith('*'))
        {
            _prefixes.Add((resource[..^1], handler));
            _prefixes.Sort((a, b) => b.Prefix.Length.CompareTo(a.Prefix.Length));
        }
        else
        {
            _exact[resource] = handler;
        }
        return this;
    }

    public bool IsKnown(string resource) => Find(resource) is not null;

    public ITaskHandler? Find(string resource)
    {
        var bare = StripWaitForTaskToken(resource);
        if (_exact.TryGetValue(resource, out var exact) || _exact.TryGetValue(bare, out exact))
        {
            return exact;
        }
        foreach (var (prefix, handler) in _prefixes)
        {
            if (resource.StartsWith(prefix, StringComparison.Ordinal))
            {
                return handler;
            }
        }
        return null;
    }

    public static bool IsWaitForTaskToken(string resource) => resource.EndsWith(WaitForTaskTokenSuffix, StringComparison.Ordinal);

    public static string StripWaitForTaskToken(string resource) =>
        IsWaitForTaskToken(resource) ? resource[..^WaitForTaskTokenSuffix.Length] : resource;
}
