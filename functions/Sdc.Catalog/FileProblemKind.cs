namespace Sdc.Catalog;

/// <summary>What the reconciler found wrong with a catalogued file. Stored upper-case in <c>file_problems.problem</c>.</summary>
public enum FileProblemKind
{
    /// <summary>The catalog has the file; storage does not.</summary>
    Lost,

    /// <summary>Storage holds a different number of bytes than the catalog records.</summary>
    SizeMismatch,

    /// <summary>Storage holds bytes whose checksum differs from the catalog's.</summary>
    ChecksumMismatch,
}
