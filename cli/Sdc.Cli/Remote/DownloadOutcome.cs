namespace Sdc.Cli.Remote;

/// <summary>How one file's download ended.</summary>
internal enum DownloadOutcome
{
    /// <summary>Fetched (or finished from a partial file) and its SHA-256 matched.</summary>
    Downloaded,

    /// <summary>Already present with the right size and SHA-256: not fetched again.</summary>
    AlreadyPresent,

    /// <summary>Fetched, but its SHA-256 differed: the bytes were discarded.</summary>
    ChecksumMismatch,

    /// <summary>The server or network failed; the partial file is kept to resume from.</summary>
    Failed,
}
