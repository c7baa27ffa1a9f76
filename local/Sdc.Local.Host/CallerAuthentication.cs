using Sdc.Api.Http;

namespace Sdc.Local.Host;

/// <summary>The outcome of a token check: the caller, or the reason (for the 401) when <see cref="Caller"/> is null.</summary>
public sealed record CallerAuthentication(Caller? Caller, string? Failure)
{
    public static CallerAuthentication Accepted(Caller caller) => new(caller, null);

    public static CallerAuthentication Refused(string reason) => new(null, reason);
}
