namespace Sdc.Testing;

/// <summary>A user to create in a cognito-local pool: confirmed, with a permanent password, in these groups.</summary>
public sealed record CognitoLocalUser(string Username, string Password, IReadOnlyList<string> Groups);
