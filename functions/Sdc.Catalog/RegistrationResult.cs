namespace Sdc.Catalog;

/// <summary>
/// The outcome of <see cref="IFileCatalog.RegisterAsync"/> and the row now in the catalog under
/// that key: the new one, or the existing one for <see cref="RegistrationOutcome.Duplicate"/> and
/// <see cref="RegistrationOutcome.Conflict"/>.
/// </summary>
public sealed record RegistrationResult(RegistrationOutcome Outcome, CatalogFile File);
