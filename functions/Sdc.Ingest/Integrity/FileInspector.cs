namespace Sdc.Ingest.Integrity;

/// <summary>
/// Inspects a file in one sequential read: size, MD5 and SHA-256 of every byte, and the format
/// check its kind calls for. The first failed check wins, in the order a person would fix them:
/// size (a transfer cut short), then MD5 (damaged in transit), then format (damaged at the source).
/// </summary>
public static class FileInspector
{
    private const int HeadLength = 1024;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <param name="kernelType">The mission kernel type (e.g. spk) for <see cref="ContentFormat.Kernel"/>.</param>
    /// <param name="extension">The file's extension without the dot (kernels: tells binary from text).</param>
    public static async Task<Inspection> InspectAsync(
        Stream content,
        string fileName,
        ContentFormat format,
        string? kernelType,
        string extension,
        Expectation? expected,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var hashing = new HashingReadStream(content);
        CheckFailure? formatFailure = null;
        DateTimeOffset? start = null;
        DateTimeOffset? end = null;
        IReadOnlyList<string> remarks = [];
        byte[] head = [];
        if (format == ContentFormat.Packets)
        {
            (formatFailure, start, end, remarks) = await PacketWalk.RunAsync(hashing, fileName, cancellationToken);
        }
        else
        {
            var buffer = new byte[HeadLength];
            var length = await hashing.ReadAtLeastAsync(buffer, HeadLength, throwOnEndOfStream: false, cancellationToken);
            head = buffer[..length];
        }
        await hashing.DrainAsync(cancellationToken);
        var size = hashing.BytesRead;
        var (md5, sha256) = hashing.Finish();

        formatFailure ??= format switch
        {
            ContentFormat.Kernel => KernelHeaderCheck.Check(head, size, kernelType ?? "", extension, fileName),
            ContentFormat.Fits => FitsSanityCheck.Check(head, size, fileName),
            ContentFormat.Png when !head.AsSpan().StartsWith(PngSignature) => new CheckFailure(IntegrityCheck.Upload, IngestCodes.BadUpload,
                "the PNG signature 89 50 4E 47 0D 0A 1A 0A", Convert.ToHexString(head.AsSpan(0, Math.Min(8, head.Length))), $"{fileName}: not a PNG image"),
            _ => null,
        };
        var failure = CompareWith(expected, size, md5, fileName) ?? formatFailure;
        return new Inspection(size, md5, sha256, failure, start, end, failure is null ? remarks : []);
    }

    private static CheckFailure? CompareWith(Expectation? expected, long size, string md5, string fileName)
    {
        if (expected is null)
        {
            return null;
        }
        if (expected.Size is { } expectedSize && expectedSize != size)
        {
            return new CheckFailure(IntegrityCheck.Size, IngestCodes.SizeMismatch, $"{expectedSize} bytes", $"{size} bytes",
                $"{fileName}: {size} bytes, but {expected.Source} says {expectedSize}{(size < expectedSize ? " (cut short in transfer?)" : "")}");
        }
        return string.Equals(expected.Md5, md5, StringComparison.OrdinalIgnoreCase)
            ? null
            : new CheckFailure(IntegrityCheck.Md5, IngestCodes.Md5Mismatch, expected.Md5.ToLowerInvariant(), md5,
                $"{fileName}: MD5 {md5}, but {expected.Source} says {expected.Md5.ToLowerInvariant()}");
    }
}
