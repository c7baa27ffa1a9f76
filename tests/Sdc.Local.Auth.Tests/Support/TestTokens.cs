using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Sdc.Local.Auth.Tests.Support;

/// <summary>Builds JWTs by hand, to present a validator with tokens no issuer here would make.</summary>
public static class TestTokens
{
    public static string Segment(JsonNode json) => Segment(Encoding.UTF8.GetBytes(json.ToJsonString()));

    public static string Segment(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>An RS256 token signed by <paramref name="key"/> (whatever kid the header claims).</summary>
    public static string SignRs256(RSA key, JsonObject header, JsonObject payload)
    {
        var input = $"{Segment(header)}.{Segment(payload)}";
        return $"{input}.{Segment(key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))}";
    }

    /// <summary>Signed with the issuer's own key, as the issuer would sign it.</summary>
    public static string SignWith(IssuerKey key, JsonObject payload, JsonObject? header = null)
    {
        header ??= new JsonObject { ["kid"] = key.KeyId, ["alg"] = "RS256" };
        var input = $"{Segment(header)}.{Segment(payload)}";
        return $"{input}.{Segment(key.Sign(Encoding.ASCII.GetBytes(input)))}";
    }

    public static JsonObject Header(string token) => Decode(token.Split('.')[0]);

    public static JsonObject Payload(string token) => Decode(token.Split('.')[1]);

    public static JsonObject Decode(string segment)
    {
        var text = segment.Replace('-', '+').Replace('_', '/');
        text += new string('=', (4 - (text.Length % 4)) % 4);
        return JsonNode.Parse(Convert.FromBase64String(text))!.AsObject();
    }
}
