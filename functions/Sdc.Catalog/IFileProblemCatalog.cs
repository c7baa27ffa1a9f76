namespace Sdc.Catalog;

/// <summary>Problems the reconciler flagged on catalogued files (the <c>file_problems</c> table).</summary>
public interface IFileProblemCatalog
{
    /// <summary>Flags a file, replacing any problem flagged on it before.</summary>
    Task FlagAsync(long fileId, FileProblemKind problem, string detail, DateTimeOffset detectedAt, CancellationToken cancellationToken);

    /// <summary>Clears a file's flag (the object came back, or was repaired); false when it had none.</summary>
    Task<bool> ClearAsync(long fileId, CancellationToken cancellationToken);

    /// <summary>Every flagged file, in key order.</summary>
    Task<IReadOnlyList<FileProblem>> ListAsync(CancellationToken cancellationToken);
}
