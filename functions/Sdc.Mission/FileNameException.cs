namespace Sdc.Mission;

/// <summary>
/// A file name that does not follow the mission's naming rules. Says which part is wrong, what
/// it was, and what was expected, so the sender can fix the name.
/// </summary>
public sealed class FileNameException : FormatException
{
    public FileNameException(string fileName, string part, string value, string expected, int position)
        : base(Describe(fileName, part, value, expected, position))
    {
        FileName = fileName;
        Part = part;
        Value = value;
        Expected = expected;
        Position = position;
    }

    public string FileName { get; }

    /// <summary>The name of the offending part, e.g. "instrument", "orbit", or "separator".</summary>
    public string Part { get; }

    public string Value { get; }

    public string Expected { get; }

    /// <summary>Zero-based character offset of the offending part in the file name.</summary>
    public int Position { get; }

    private static string Describe(string fileName, string part, string value, string expected, int position)
    {
        var shown = fileName.Length > 200 ? fileName[..200] + "…" : fileName;
        var got = value.Length == 0 ? "nothing" : $"'{(value.Length > 60 ? value[..60] + "…" : value)}'";
        return $"'{shown}' is not a valid mission file name: the {part} at character {position + 1} is {got}; expected {expected}";
    }
}
