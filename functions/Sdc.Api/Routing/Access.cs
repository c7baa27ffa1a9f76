namespace Sdc.Api.Routing;

/// <summary>Who may call a route at all; finer checks (which instrument) are the endpoint's.</summary>
public enum Access
{
    /// <summary>Public routes: no token (on AWS they have no authorizer).</summary>
    Anyone,

    /// <summary>Any valid token.</summary>
    SignedIn,

    /// <summary>admin, team or an instrument team (itf-&lt;instrument&gt;).</summary>
    DataUser,

    /// <summary>admin only.</summary>
    Admin,
}
