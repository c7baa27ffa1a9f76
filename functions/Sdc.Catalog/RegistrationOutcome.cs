namespace Sdc.Catalog;

/// <summary>What registering one file did.</summary>
public enum RegistrationOutcome
{
    /// <summary>A new row was added.</summary>
    Registered,

    /// <summary>The key was already registered with the same content (size and checksums): nothing changed.</summary>
    Duplicate,

    /// <summary>The key was already registered with other content: the existing row was left untouched.</summary>
    Conflict,
}
