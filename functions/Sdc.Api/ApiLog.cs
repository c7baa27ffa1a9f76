using Microsoft.Extensions.Logging;

namespace Sdc.Api;

/// <summary>The API's log messages.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    public static partial void Failed(ILogger logger, Exception exception, string method, string path);
}
