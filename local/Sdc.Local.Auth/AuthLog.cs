using Microsoft.Extensions.Logging;

namespace Sdc.Local.Auth;

/// <summary>The issuer's log messages, as source-generated templates. Passwords and tokens are never logged.</summary>
internal static partial class AuthLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Signed in {Username} ({Flow})")]
    public static partial void SignedIn(ILogger logger, string username, string flow);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Flow} for {Username}: {Reason}")]
    public static partial void Refused(ILogger logger, string flow, string username, string reason);
}
