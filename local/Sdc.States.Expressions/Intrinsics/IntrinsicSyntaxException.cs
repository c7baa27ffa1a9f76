namespace Sdc.States.Expressions;

/// <summary>An intrinsic function call that does not parse; names the text and the 0-based position of the fault.</summary>
public sealed class IntrinsicSyntaxException : FormatException
{
    public IntrinsicSyntaxException(string text, int position, string reason)
        : base($"Invalid intrinsic function call '{text}' at position {position}: {reason}")
    {
        Text = text;
        Position = position;
        Reason = reason;
    }

    public string Text { get; }

    public int Position { get; }

    public string Reason { get; }
}
