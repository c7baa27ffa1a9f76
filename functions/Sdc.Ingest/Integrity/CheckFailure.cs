namespace Sdc.Ingest.Integrity;

/// <summary>Why a file was refused: the check, its code, what was expected, what was found, in words.</summary>
public sealed record CheckFailure(IntegrityCheck Check, string Code, string Expected, string Actual, string Message);
