namespace Sdc.Local.Auth;

/// <summary>An InitiateAuth request Cognito would refuse: the error's <c>__type</c> and message, answered with HTTP 400.</summary>
internal sealed class CognitoErrorException : Exception
{
    public const string NotAuthorized = "NotAuthorizedException";
    public const string InvalidParameter = "InvalidParameterException";
    public const string ResourceNotFound = "ResourceNotFoundException";
    public const string UnknownOperation = "UnknownOperationException";

    public CognitoErrorException()
        : this(InvalidParameter, "Invalid request.")
    {
    }

    public CognitoErrorException(string message)
        : this(InvalidParameter, message)
    {
    }

    public CognitoErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorType = InvalidParameter;
    }

    public CognitoErrorException(string errorType, string message)
        : base(message)
    {
        ErrorType = errorType;
    }

    public string ErrorType { get; }

    /// <summary>A top-level member that is missing or of the wrong type, worded as Cognito's request validation words it.</summary>
    public static CognitoErrorException Member(string member, string constraint, string? value = null) =>
        new(InvalidParameter, $"1 validation error detected: Value {(value is null ? "null" : $"'{value}'")} at '{member}' failed to satisfy constraint: {constraint}");
}
