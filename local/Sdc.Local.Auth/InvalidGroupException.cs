namespace Sdc.Local.Auth;

/// <summary>A group name that is not one of the SDC's groups; the message names it and the accepted forms.</summary>
public sealed class InvalidGroupException : ArgumentException
{
    public InvalidGroupException()
        : base("Not an SDC group.")
    {
    }

    // No parameter name: the message already names the group, and is printed as it is.
    public InvalidGroupException(string message)
        : base(message)
    {
    }

    public InvalidGroupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
