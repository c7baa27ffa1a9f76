namespace Sdc.Events;

/// <summary>
/// An event that is not what the parser reads. The message names the JSON path of the bad field,
/// what was there and what was expected (<c>detail.object.key: missing; expected the object key
/// string</c>), so a failed invocation's log says which producer sent what.
/// </summary>
public sealed class EventFormatException : FormatException
{
    public EventFormatException(string path, string problem, string expected, Exception? innerException = null)
        : base($"{path}: {problem}; expected {expected}", innerException)
    {
        Path = path;
        Problem = problem;
        Expected = expected;
    }

    /// <summary>Where in the event, e.g. <c>detail.object.size</c> or <c>Records[2].s3.object.key</c>; <c>$</c> for the whole event.</summary>
    public string Path { get; }

    /// <summary>What was found, e.g. <c>missing</c> or <c>got -1</c>.</summary>
    public string Problem { get; }

    /// <summary>What the parser needed there.</summary>
    public string Expected { get; }
}
