namespace Sdc.Storage;

/// <summary>
/// Rules for user metadata, chosen so that a set round-trips unchanged through S3 (which sends it
/// as HTTP headers, lowercases names and trims values) and through the file-system sidecar.
/// </summary>
public static class ObjectMetadata
{
    /// <summary>Budget for user metadata, names plus values in bytes; S3 allows 2 KiB and the store keeps the rest for its checksums.</summary>
    public const int MaxTotalBytes = 1920;

    /// <summary>Names with this prefix belong to the store (it keeps checksums under them).</summary>
    public const string ReservedPrefix = "sdc-";

    /// <summary>An empty, shared set.</summary>
    public static IReadOnlyDictionary<string, string> Empty { get; } = new Dictionary<string, string>();

    /// <summary>
    /// Throws <see cref="InvalidObjectMetadataException"/> unless every name is 1-128 characters of
    /// lowercase letters, digits, '-' and '_' starting with a letter or digit and not with
    /// <see cref="ReservedPrefix"/>; every value is printable ASCII without leading or trailing
    /// spaces; and the total is at most <see cref="MaxTotalBytes"/>.
    /// </summary>
    public static void Validate(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        var total = 0;
        foreach (var (name, value) in metadata)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(metadata));
            if (name.Length is 0 or > 128 || !char.IsAsciiLetterLower(name[0]) && !char.IsAsciiDigit(name[0])
                || name.Any(c => !char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c is not ('-' or '_')))
            {
                throw new InvalidObjectMetadataException(
                    name, "a metadata name must be 1-128 lowercase letters, digits, '-' or '_', starting with a letter or digit");
            }

            if (name.StartsWith(ReservedPrefix, StringComparison.Ordinal))
            {
                throw new InvalidObjectMetadataException(name, $"metadata names starting with '{ReservedPrefix}' are reserved for the store");
            }

            if (value.Any(c => c is < ' ' or > '~'))
            {
                throw new InvalidObjectMetadataException(name, "a metadata value must be printable ASCII");
            }

            if (value.Length > 0 && (value[0] == ' ' || value[^1] == ' '))
            {
                throw new InvalidObjectMetadataException(name, "a metadata value must not start or end with a space");
            }

            total += name.Length + value.Length;
        }

        if (total > MaxTotalBytes)
        {
            throw new InvalidObjectMetadataException("", $"metadata must total at most {MaxTotalBytes} bytes (names plus values)");
        }
    }

    /// <summary>A private, read-only copy (so later changes by the caller do not leak into the store).</summary>
    internal static IReadOnlyDictionary<string, string> Copy(IReadOnlyDictionary<string, string>? metadata) =>
        metadata is null || metadata.Count == 0 ? Empty : new Dictionary<string, string>(metadata, StringComparer.Ordinal);
}
