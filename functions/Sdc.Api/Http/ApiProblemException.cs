namespace Sdc.Api.Http;

/// <summary>
/// A refusal the handler turns into an RFC 7807 problem: its status, a short title, what went
/// wrong, and for bad input the parameter or field at fault and the form it accepts.
/// </summary>
public sealed class ApiProblemException : Exception
{
    public ApiProblemException(int status, string type, string title, string detail, string? parameter = null, string? expected = null)
        : base(detail)
    {
        Status = status;
        Type = type;
        Title = title;
        Parameter = parameter;
        Expected = expected;
    }

    public ApiProblemException()
        : this(500, "internal", "Internal error", "Internal error")
    {
    }

    public ApiProblemException(string message)
        : this(500, "internal", "Internal error", message)
    {
    }

    public ApiProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 500;
        Type = "internal";
        Title = "Internal error";
    }

    public int Status { get; }

    /// <summary>A stable slug (<c>bad-parameter</c>, <c>forbidden</c>, …), published as <c>urn:sdc:problem:&lt;slug&gt;</c>.</summary>
    public string Type { get; }

    public string Title { get; }

    public string? Parameter { get; }

    public string? Expected { get; }

    public static ApiProblemException BadParameter(string parameter, string detail, string expected) =>
        new(400, "bad-parameter", "Bad parameter", detail, parameter, expected);

    public static ApiProblemException BadBody(string detail, string? field = null, string? expected = null) =>
        new(400, "bad-body", "Bad request body", detail, field, expected);

    public static ApiProblemException Unauthorized(string detail) =>
        new(401, "unauthorized", "Sign-in required", detail);

    public static ApiProblemException Forbidden(string detail) =>
        new(403, "forbidden", "Not allowed", detail);

    public static ApiProblemException NotFound(string detail) =>
        new(404, "not-found", "Not found", detail);

    public static ApiProblemException Conflict(string detail) =>
        new(409, "conflict", "Conflict", detail);
}
