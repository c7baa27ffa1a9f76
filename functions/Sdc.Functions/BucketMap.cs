using Sdc.Ingest.Layout;

namespace Sdc.Functions;

/// <summary>
/// Logical bucket names (inbox, archive, products, public) and the physical S3 buckets a
/// deployment gave them, read from <c>SDC_BUCKET_&lt;LOGICAL&gt;</c> variables (CDK sets them).
/// Events name physical buckets; the domain speaks logical ones.
/// </summary>
public sealed class BucketMap
{
    private readonly Dictionary<string, string> _physicalByLogical;
    private readonly Dictionary<string, string> _logicalByPhysical;

    public BucketMap(IReadOnlyDictionary<string, string> physicalByLogical)
    {
        ArgumentNullException.ThrowIfNull(physicalByLogical);
        _physicalByLogical = new Dictionary<string, string>(physicalByLogical, StringComparer.Ordinal);
        _logicalByPhysical = _physicalByLogical.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, string> PhysicalByLogical => _physicalByLogical;

    /// <summary>Reads SDC_BUCKET_INBOX, SDC_BUCKET_ARCHIVE, SDC_BUCKET_PRODUCTS and SDC_BUCKET_PUBLIC.</summary>
    public static BucketMap FromEnvironment()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var logical in new[] { Buckets.Inbox, Buckets.Archive, Buckets.Products, Buckets.Public })
        {
            var variable = "SDC_BUCKET_" + logical.ToUpperInvariant();
            map[logical] = Environment.GetEnvironmentVariable(variable) is { Length: > 0 } physical
                ? physical
                : throw new InvalidOperationException($"{variable} is not set; the deployment must name the S3 bucket that plays '{logical}'.");
        }
        return new BucketMap(map);
    }

    /// <summary>The logical name of a physical bucket an event names; throws for a bucket this deployment does not own.</summary>
    public string LogicalOf(string physical) =>
        _logicalByPhysical.TryGetValue(physical, out var logical)
            ? logical
            : throw new InvalidOperationException($"Event for bucket '{physical}', which is none of this SDC's buckets ({string.Join(", ", _logicalByPhysical.Keys)}).");
}
