namespace Sdc.Local.Auth;

/// <summary>A Cognito token's <c>token_use</c>: an ID token (<c>id</c>) or an access token (<c>access</c>).</summary>
public enum TokenUse
{
    Id,
    Access,
}
