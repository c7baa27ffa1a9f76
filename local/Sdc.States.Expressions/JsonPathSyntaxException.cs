namespace Sdc.States.Expressions;

/// <summary>A JSONPath or reference path that does not parse; names the text and the 0-based position of the fault.</summary>
public sealed class JsonPathSyntaxException : FormatException
{
    public JsonPathSyntaxException(string text, int position, string reason)
        : base($"Invalid JSONPath '{text}' at position {position}: {reason}")
    {
        Text = text;
        Position = position;
        Reason = reason;
    }

    public string Text { get; }

    public int Position { get; }

    public string Reason { get; }
}
