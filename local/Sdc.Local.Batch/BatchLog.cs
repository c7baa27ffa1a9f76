using Microsoft.Extensions.Logging;

namespace Sdc.Local.Batch;

/// <summary>The runner's log messages, as source-generated templates.</summary>
internal static partial class BatchLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Started job {JobName} ({Definition} on {Queue}): process {ProcessId}")]
    public static partial void Started(ILogger logger, string jobName, string definition, string queue, int processId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobName} {Status}: {StatusReason}")]
    public static partial void Finished(ILogger logger, string jobName, BatchJobStatus status, string statusReason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobName} could not start: {Reason}")]
    public static partial void CannotStart(ILogger logger, string jobName, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobName} killed: {Reason}")]
    public static partial void Killed(ILogger logger, string jobName, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the work folder {Folder}: {Reason}")]
    public static partial void WorkFolderLeft(ILogger logger, string folder, string reason);
}
