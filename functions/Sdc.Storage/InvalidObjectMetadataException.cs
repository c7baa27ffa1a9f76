namespace Sdc.Storage;

/// <summary>User metadata broke one of the rules in <see cref="ObjectMetadata"/>; nothing was written.</summary>
public sealed class InvalidObjectMetadataException : ArgumentException
{
    public InvalidObjectMetadataException(string name, string rule)
        : base($"Invalid object metadata '{ObjectNames.ForDisplay(name)}': {rule}.")
    {
        Name = name;
        Rule = rule;
    }

    /// <summary>The metadata name at fault (empty when the rule is about the whole set).</summary>
    public string Name { get; }

    public string Rule { get; }
}
