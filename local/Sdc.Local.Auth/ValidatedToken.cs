namespace Sdc.Local.Auth;

/// <summary>
/// Who a valid token speaks for: <paramref name="Username"/> (<c>cognito:username</c> of an ID
/// token, <c>username</c> of an access token), <paramref name="Groups"/> (<c>cognito:groups</c>,
/// empty when absent), <paramref name="Subject"/> (<c>sub</c>, may be empty), and when it expires.
/// </summary>
public sealed record ValidatedToken(string Username, string Subject, IReadOnlyList<string> Groups, TokenUse TokenUse, DateTimeOffset ExpiresAt);
