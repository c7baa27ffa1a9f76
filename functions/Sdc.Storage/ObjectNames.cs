using System.Globalization;
using System.Text;

namespace Sdc.Storage;

/// <summary>
/// The naming rules every adapter enforces before touching storage, so that a key can never
/// address anything outside its bucket and means the same on S3 and on a file system.
/// </summary>
public static class ObjectNames
{
    /// <summary>S3's limit on a key, in UTF-8 bytes.</summary>
    public const int MaxKeyBytes = 1024;

    private const int DisplayLength = 120;

    /// <summary>Throws <see cref="InvalidObjectKeyException"/> unless <paramref name="key"/> is a valid key.</summary>
    /// <remarks>
    /// Not empty; at most 1024 UTF-8 bytes; valid Unicode; no control characters; no backslash;
    /// no leading '/'; no empty segment ('a//b', or a trailing '/'); no '.' or '..' segment.
    /// </remarks>
    public static void ValidateKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (CheckKey(key) is { } rule)
        {
            throw new InvalidObjectKeyException(key, rule);
        }
    }

    /// <summary>
    /// Throws <see cref="InvalidObjectKeyException"/> unless <paramref name="prefix"/> is a valid
    /// listing prefix: empty, or the start of a valid key (every segment before the last '/' is a
    /// whole valid segment; the last may be partial or empty, as in "a/b/").
    /// </summary>
    public static void ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0)
        {
            return;
        }

        if (CheckCharacters(prefix) is { } rule)
        {
            throw new InvalidObjectKeyException(prefix, rule);
        }

        if (prefix[0] == '/')
        {
            throw new InvalidObjectKeyException(prefix, "a key must not start with '/'");
        }

        var segments = prefix.Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (CheckSegment(segments[i]) is { } segmentRule)
            {
                throw new InvalidObjectKeyException(prefix, segmentRule);
            }
        }
    }

    /// <summary>
    /// Throws <see cref="InvalidBucketNameException"/> unless <paramref name="bucket"/> follows S3's
    /// rules for general purpose bucket names (which also keeps it a plain folder name).
    /// </summary>
    public static void ValidateBucket(string bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        if (CheckBucket(bucket) is { } rule)
        {
            throw new InvalidBucketNameException(bucket, rule);
        }
    }

    /// <summary>True when <paramref name="key"/> is a valid key (for filtering, e.g. listings of foreign objects).</summary>
    public static bool IsValidKey(string key) => key is not null && CheckKey(key) is null;

    /// <summary>True when <paramref name="bucket"/> is a valid bucket name.</summary>
    public static bool IsValidBucket(string bucket) => CheckBucket(bucket) is null;

    /// <summary>
    /// A form of an untrusted name fit for messages and logs: control characters escaped and
    /// anything long truncated, with the full length stated.
    /// </summary>
    public static string ForDisplay(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder();
        foreach (var c in value.Length > DisplayLength ? value.AsSpan(0, DisplayLength) : value.AsSpan())
        {
            if (char.IsControl(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        if (value.Length > DisplayLength)
        {
            builder.Append(CultureInfo.InvariantCulture, $"... ({value.Length} characters)");
        }

        return builder.ToString();
    }

    private static string? CheckKey(string key)
    {
        if (key.Length == 0)
        {
            return "a key must not be empty";
        }

        if (CheckCharacters(key) is { } rule)
        {
            return rule;
        }

        if (key[0] == '/')
        {
            return "a key must not start with '/'";
        }

        foreach (var segment in key.Split('/'))
        {
            if (CheckSegment(segment) is { } segmentRule)
            {
                return segmentRule;
            }
        }

        return null;
    }

    private static string? CheckCharacters(string value)
    {
        // Cheap bound first: a UTF-16 code unit is at most 3 UTF-8 bytes and at least 1.
        if (value.Length > MaxKeyBytes)
        {
            return $"a key must be at most {MaxKeyBytes} bytes in UTF-8";
        }

        var bytes = 0;
        for (var i = 0; i < value.Length;)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return "a key must be valid Unicode (no unpaired surrogates)";
            }

            if (Rune.IsControl(rune))
            {
                return "a key must not contain control characters";
            }

            if (rune.Value == '\\')
            {
                return "a key must not contain a backslash";
            }

            bytes += rune.Utf8SequenceLength;
            i += consumed;
        }

        return bytes > MaxKeyBytes ? $"a key must be at most {MaxKeyBytes} bytes in UTF-8" : null;
    }

    private static string? CheckSegment(string segment) => segment switch
    {
        "" => "a key must not contain empty segments ('//' or a trailing '/')",
        "." or ".." => "a key must not contain '.' or '..' segments",
        _ => null,
    };

    private static string? CheckBucket(string bucket)
    {
        if (bucket.Length is < 3 or > 63)
        {
            return "a bucket name must be 3 to 63 characters long";
        }

        foreach (var c in bucket)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-'))
            {
                return "a bucket name may contain only lowercase letters, digits, '.' and '-'";
            }
        }

        if (!char.IsAsciiLetterOrDigit(bucket[0]) || !char.IsAsciiLetterOrDigit(bucket[^1]))
        {
            return "a bucket name must begin and end with a letter or digit";
        }

        if (bucket.Contains("..", StringComparison.Ordinal))
        {
            return "a bucket name must not contain two adjacent periods";
        }

        if (System.Net.IPAddress.TryParse(bucket, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            && bucket.Count(c => c == '.') == 3)
        {
            return "a bucket name must not be formatted as an IP address";
        }

        string[] reservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"];
        string[] reservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];
        if (reservedPrefixes.Any(p => bucket.StartsWith(p, StringComparison.Ordinal))
            || reservedSuffixes.Any(s => bucket.EndsWith(s, StringComparison.Ordinal)))
        {
            return "a bucket name must not use a prefix or suffix that S3 reserves";
        }

        return null;
    }
}
