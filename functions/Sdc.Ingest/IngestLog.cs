using Microsoft.Extensions.Logging;

namespace Sdc.Ingest;

/// <summary>Ingest's log messages, as source-generated templates (structured, no formatting unless enabled).</summary>
internal static partial class IngestLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Quarantined {Key} as {QuarantineKey}: {Code} {Reason}")]
    public static partial void Quarantined(ILogger logger, string key, string quarantineKey, string code, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote manifest {Key} with {Files} new files")]
    public static partial void ManifestWritten(ILogger logger, string key, int files);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Outcome} {Key}: {Code} {Message}")]
    public static partial void Handled(ILogger logger, IngestOutcome outcome, string key, string code, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected event for {Key}: {Reason}")]
    public static partial void Rejected(ILogger logger, string key, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Key} ({Outcome})")]
    public static partial void Indexed(ILogger logger, string key, Sdc.Catalog.RegistrationOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to index {Name}: {Code} {Reason}")]
    public static partial void IndexRefused(ILogger logger, string name, string code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconcile: {Problem} {Bucket}:{Key} {Detail}")]
    public static partial void Drift(ILogger logger, string problem, string bucket, string key, string detail);
}
