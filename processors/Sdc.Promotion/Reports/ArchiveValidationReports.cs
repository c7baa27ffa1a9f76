using Sdc.Ingest.Layout;
using Sdc.Storage;

namespace Sdc.Promotion.Reports;

/// <summary>
/// Reports in the archive bucket at <c>validation/&lt;instrument&gt;/&lt;version&gt;.json</c>: locally the
/// data directory's <c>buckets/archive/</c>, on AWS the stage's archive bucket.
/// </summary>
public sealed class ArchiveValidationReports(IObjectStore store) : IValidationReports
{
    public static string KeyOf(string instrument, string version) => $"{StorageLayout.ValidationPrefix}{instrument}/{version}.json";

    public string LocationOf(string instrument, string version) => $"{Buckets.Archive}:{KeyOf(instrument, version)}";

    public async Task SaveAsync(ValidationReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var content = new MemoryStream(ReportJson.Serialize(report));
        await store.PutAsync(Buckets.Archive, KeyOf(report.Instrument, report.Candidate.Version), content, cancellationToken: cancellationToken);
    }

    public async Task<ValidationReport?> FindAsync(string instrument, string version, CancellationToken cancellationToken)
    {
        var key = KeyOf(instrument, version);
        try
        {
            return ReportJson.Deserialize(await store.ReadAllBytesAsync(Buckets.Archive, key, cancellationToken), LocationOf(instrument, version));
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }
    }
}
