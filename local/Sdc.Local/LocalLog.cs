using Microsoft.Extensions.Logging;

namespace Sdc.Local;

internal static partial class LocalLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Routing {Bucket}:{Key} failed: {Reason}")]
    public static partial void RouteFailed(ILogger logger, string bucket, string key, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The ingest sweep failed: {Reason}")]
    public static partial void SweepFailed(ILogger logger, string reason);
}
