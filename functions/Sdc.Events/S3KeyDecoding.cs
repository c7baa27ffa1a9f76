using System.Text;

namespace Sdc.Events;

/// <summary>
/// Undoes the encoding of keys in S3 notification records: form URL-encoding, a space as <c>+</c>
/// and other bytes of the UTF-8 key as <c>%XX</c> (S3 leaves <c>/</c> and most ASCII as it is).
/// Written here rather than taken from <c>WebUtility.UrlDecode</c> because that one passes a broken
/// escape or invalid UTF-8 through silently, and a wrong key must fail loudly, not fetch the wrong object.
/// </summary>
internal static class S3KeyDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The decoded key, or null with <paramref name="problem"/> saying what is wrong.</summary>
    public static string? Decode(string encoded, out string? problem)
    {
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(encoded.Length)];
        var count = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '+')
            {
                bytes[count++] = (byte)' ';
            }
            else if (c == '%')
            {
                if (i + 2 >= encoded.Length || !char.IsAsciiHexDigit(encoded[i + 1]) || !char.IsAsciiHexDigit(encoded[i + 2]))
                {
                    problem = $"the '%' at character {i + 1} is not followed by two hexadecimal digits";
                    return null;
                }

                bytes[count++] = (byte)((HexValue(encoded[i + 1]) << 4) | HexValue(encoded[i + 2]));
                i += 2;
            }
            else if (char.IsAscii(c))
            {
                bytes[count++] = (byte)c;
            }
            else
            {
                // Not expected from S3, but a character left unencoded still means itself.
                var length = char.IsHighSurrogate(c) && i + 1 < encoded.Length && char.IsLowSurrogate(encoded[i + 1]) ? 2 : 1;
                count += Encoding.UTF8.GetBytes(encoded.AsSpan(i, length), bytes.AsSpan(count));
                i += length - 1;
            }
        }

        try
        {
            problem = null;
            return StrictUtf8.GetString(bytes, 0, count);
        }
        catch (DecoderFallbackException)
        {
            problem = "its %-escapes are not valid UTF-8";
            return null;
        }
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => c - 'A' + 10,
    };
}
