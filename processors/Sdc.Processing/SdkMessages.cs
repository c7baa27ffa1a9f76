namespace Sdc.Processing;

/// <summary>The message codes the SDK itself emits, for every processor (documented in MESSAGES.md here).</summary>
public static class SdkMessages
{
    public const string BadJob = "SDK-E001";
    public const string BadConfig = "SDK-E002";
    public const string InputMissing = "SDK-E003";
    public const string InputChecksum = "SDK-E004";
    public const string WrongProcessor = "SDK-E005";
    public const string OutputFailed = "SDK-E006";
    public const string Unexpected = "SDK-E099";
    public const string InputVerified = "SDK-I001";
    public const string ProductWritten = "SDK-I002";

    public static readonly IReadOnlyList<MessageCode> All =
    [
        new(BadJob, MessageSeverity.Error, "The job file (or SDC_JOB) is not valid: a field is missing or malformed."),
        new(BadConfig, MessageSeverity.Error, "The processor's configuration file cannot be read or has a bad setting."),
        new(InputMissing, MessageSeverity.Error, "An input, kernel or calibration file named by the job cannot be read."),
        new(InputChecksum, MessageSeverity.Error, "An input's size, MD5 or SHA-256 differs from the job's: it is not the file the job was planned for."),
        new(WrongProcessor, MessageSeverity.Error, "The job names another processor, version or instrument than this one."),
        new(OutputFailed, MessageSeverity.Error, "A product or outputs.json could not be written under the output prefix."),
        new(Unexpected, MessageSeverity.Error, "An unexpected failure inside the processor (a bug): the message has the details."),
        new(InputVerified, MessageSeverity.Info, "An input was fetched and matches its size and checksums."),
        new(ProductWritten, MessageSeverity.Info, "A product was written, with its size and checksum."),
    ];
}
