namespace Sdc.Catalog;

/// <summary>A user was added under a name the catalog already holds (nothing was changed).</summary>
public sealed class UserAlreadyExistsException : InvalidOperationException
{
    public UserAlreadyExistsException()
        : base("The user already exists.")
    {
    }

    public UserAlreadyExistsException(string message)
        : base(message)
    {
    }

    public UserAlreadyExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static UserAlreadyExistsException For(string username) =>
        new($"User '{username}' already exists; remove it first, or pick another name.") { Username = username };

    public string? Username { get; private init; }
}
