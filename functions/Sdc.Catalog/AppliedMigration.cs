namespace Sdc.Catalog;

/// <summary>A row of <c>schema_migrations</c>: a migration applied to the catalog.</summary>
/// <param name="Checksum">SHA-256 (hex) of the script as applied, line endings normalised to LF.</param>
public sealed record AppliedMigration(int Version, string Name, DateTimeOffset AppliedAt, string Checksum);
