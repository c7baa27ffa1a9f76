namespace Sdc.Ingest.Indexing;

/// <summary>
/// A job's <c>outputs.json</c> is missing or malformed: nothing of the job can be indexed. The
/// pipeline catches it by this name (the Index task's <c>ErrorEquals</c>) and marks the job ERROR.
/// </summary>
public sealed class JobOutputsException : Exception
{
    public JobOutputsException()
    {
    }

    public JobOutputsException(string message)
        : base(message)
    {
    }

    public JobOutputsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public JobOutputsException(string field, string actual, string expected)
        : base($"outputs.json: {(field.Length == 0 ? "" : field + ": ")}{actual}; expected {expected}")
    {
    }
}
