using Sdc.Promotion.Reports;
using Sdc.Storage.FileSystem;

namespace Sdc.Cli;

/// <summary>
/// Where validation reports are written and read: a path ending in <c>.json</c> is the report file
/// itself (e.g. a CI artifact); anything else is a data directory, whose archive bucket keeps
/// them at <c>validation/&lt;instrument&gt;/&lt;version&gt;.json</c>. Default: the data directory (--data, SDC_DATA, .sdc).
/// </summary>
internal static class ReportLocation
{
    public static IValidationReports Resolve(string? option, DataDirectory data)
    {
        if (option is { Length: > 0 } && option.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return new FileValidationReports(option);
        }
        var root = option is { Length: > 0 } ? new DataDirectory(Path.GetFullPath(option)) : data;
        return new LocalArchiveReports(root);
    }

    /// <summary>The archive's reports, described by their file under the data directory (what a person opens).</summary>
    private sealed class LocalArchiveReports(DataDirectory data) : IValidationReports
    {
        private readonly ArchiveValidationReports _archive = new(new FileSystemObjectStore(new FileSystemObjectStoreOptions { RootPath = data.Create().Buckets }));

        public string LocationOf(string instrument, string version) =>
            Path.Combine(data.Buckets, Sdc.Ingest.Layout.Buckets.Archive, ArchiveValidationReports.KeyOf(instrument, version));

        public Task SaveAsync(ValidationReport report, CancellationToken cancellationToken) => _archive.SaveAsync(report, cancellationToken);

        public Task<ValidationReport?> FindAsync(string instrument, string version, CancellationToken cancellationToken) =>
            _archive.FindAsync(instrument, version, cancellationToken);
    }
}
