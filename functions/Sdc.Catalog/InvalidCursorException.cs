namespace Sdc.Catalog;

/// <summary>A search cursor that this catalog did not hand out (or that was altered).</summary>
public sealed class InvalidCursorException : ArgumentException
{
    public InvalidCursorException()
        : this("The cursor is malformed.")
    {
    }

    public InvalidCursorException(string message)
        : base(message, "cursor")
    {
    }

    public InvalidCursorException(string message, Exception innerException)
        : base(message, "cursor", innerException)
    {
    }
}
