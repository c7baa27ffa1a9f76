namespace Sdc.Promotion.Reports;

/// <summary>Where validation reports are kept: validation writes them, promotion reads them.</summary>
public interface IValidationReports
{
    /// <summary>Where the report for this release is (or would be), for messages: e.g. <c>archive:validation/exi/1.1.0.json</c>.</summary>
    string LocationOf(string instrument, string version);

    /// <summary>Stores the report under its instrument and candidate version, replacing an earlier one.</summary>
    Task SaveAsync(ValidationReport report, CancellationToken cancellationToken);

    /// <summary>The report for this instrument and version, or null when there is none.</summary>
    /// <exception cref="FormatException">There is one, but it cannot be read.</exception>
    Task<ValidationReport?> FindAsync(string instrument, string version, CancellationToken cancellationToken);
}
