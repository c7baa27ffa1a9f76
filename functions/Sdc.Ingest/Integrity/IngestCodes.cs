namespace Sdc.Ingest.Integrity;

/// <summary>
/// The stable message codes of ingest and indexing, documented in MESSAGES.md (a test keeps the
/// two in step). E = the file was refused, W = accepted with a remark, I = information.
/// </summary>
public static class IngestCodes
{
    public const string BadName = "INT-E001";
    public const string SizeMismatch = "INT-E002";
    public const string Md5Mismatch = "INT-E003";
    public const string BadPackets = "INT-E004";
    public const string BadKernel = "INT-E005";
    public const string BadRecord = "INT-E006";
    public const string Conflict = "INT-E007";
    public const string BadSidecar = "INT-E008";
    public const string NotFits = "INT-E009";
    public const string Orphan = "INT-E010";
    public const string SequenceGap = "INT-W001";
    public const string Archived = "INT-I001";
    public const string Duplicate = "INT-I002";
    public const string Waiting = "INT-I003";

    public const string MissingProduct = "IDX-E001";
    public const string ChecksumMismatch = "IDX-E002";
    public const string HeaderDisagrees = "IDX-E003";
    public const string ProductConflict = "IDX-E004";
    public const string BadOutputs = "IDX-E005";
    public const string BadUpload = "IDX-E006";
    public const string UnknownInput = "IDX-W001";
    public const string Indexed = "IDX-I001";

    /// <summary>Every code, for the documentation test.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        BadName, SizeMismatch, Md5Mismatch, BadPackets, BadKernel, BadRecord, Conflict, BadSidecar, NotFits, Orphan,
        SequenceGap, Archived, Duplicate, Waiting,
        MissingProduct, ChecksumMismatch, HeaderDisagrees, ProductConflict, BadOutputs, BadUpload, UnknownInput, Indexed,
    ];
}
