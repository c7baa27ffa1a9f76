namespace Sdc.Storage;

/// <summary>A key (or listing prefix) broke one of the rules in <see cref="ObjectNames"/>; nothing was touched.</summary>
public sealed class InvalidObjectKeyException : ArgumentException
{
    public InvalidObjectKeyException(string key, string rule)
        : base($"Invalid object key '{ObjectNames.ForDisplay(key)}': {rule}.")
    {
        Key = key;
        Rule = rule;
    }

    /// <summary>The key as given (possibly huge; the message shows it truncated).</summary>
    public string Key { get; }

    /// <summary>The rule the key broke, in words.</summary>
    public string Rule { get; }
}
