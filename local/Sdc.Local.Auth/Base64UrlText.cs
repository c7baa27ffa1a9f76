using System.Buffers.Text;

namespace Sdc.Local.Auth;

/// <summary>
/// Base64url without padding, as JWS and JWK use it. Decoding is strict: the platform decoder
/// skips white space and accepts padding, which a token must not carry.
/// </summary>
internal static class Base64UrlText
{
    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
            {
                return false;
            }
        }
        // A lone character past a multiple of four encodes no whole byte.
        if (text.Length % 4 == 1)
        {
            return false;
        }
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
