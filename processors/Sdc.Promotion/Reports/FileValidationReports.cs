namespace Sdc.Promotion.Reports;

/// <summary>
/// One report in a file of its own (e.g. a CI artifact), whatever instrument and version it is for:
/// promotion then checks that what the file holds is the release it is asked to promote.
/// </summary>
public sealed class FileValidationReports(string path) : IValidationReports
{
    public string LocationOf(string instrument, string version) => Path.GetFullPath(path);

    public async Task SaveAsync(ValidationReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        await File.WriteAllBytesAsync(temp, ReportJson.Serialize(report), cancellationToken);
        File.Move(temp, full, overwrite: true);
    }

    public async Task<ValidationReport?> FindAsync(string instrument, string version, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        return File.Exists(full) ? ReportJson.Deserialize(await File.ReadAllBytesAsync(full, cancellationToken), full) : null;
    }
}
