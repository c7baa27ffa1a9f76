namespace Sdc.Local.Auth;

/// <summary>
/// What the host sends back for one request to the issuer: the HTTP status, the JSON body (with
/// content type <see cref="ContentType"/>), and on errors the exception name for the
/// <c>x-amzn-ErrorType</c> header, as Cognito's endpoint answers.
/// </summary>
public sealed record IssuerResponse(int StatusCode, string Json, string? ErrorType)
{
    public const string ContentType = "application/x-amz-json-1.1";

    public const string ErrorTypeHeader = "x-amzn-ErrorType";
}
