using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sdc.Catalog;

namespace Sdc.Local.Auth;

/// <summary>Writes and signs the ID and access tokens of one issuer, with Cognito's claims.</summary>
internal sealed class TokenFactory(IssuerKey key, string issuer, string clientId, TimeSpan lifetime)
{
    /// <summary>The scope Cognito puts in access tokens from InitiateAuth.</summary>
    public const string SignInScope = "aws.cognito.signin.user.admin";

    private readonly byte[] _header = Encoding.UTF8.GetBytes($$"""{"kid":"{{key.KeyId}}","alg":"RS256"}""");

    public string IdToken(CatalogUser user, DateTimeOffset now, DateTimeOffset authTime) => Sign(writer =>
    {
        writer.WriteString("sub", Subject(user.Username));
        Groups(writer, user);
        writer.WriteString("iss", issuer);
        writer.WriteString("cognito:username", user.Username);
        writer.WriteString("aud", clientId);
        writer.WriteString("token_use", "id");
        Times(writer, now, authTime);
    });

    public string AccessToken(CatalogUser user, DateTimeOffset now, DateTimeOffset authTime) => Sign(writer =>
    {
        writer.WriteString("sub", Subject(user.Username));
        Groups(writer, user);
        writer.WriteString("iss", issuer);
        writer.WriteString("client_id", clientId);
        writer.WriteString("token_use", "access");
        writer.WriteString("scope", SignInScope);
        Times(writer, now, authTime);
        writer.WriteString("username", user.Username);
    });

    /// <summary>
    /// Cognito's <c>sub</c> is a UUID fixed for the life of a user; the catalog keeps none, so it is
    /// derived from the issuer and the name (an RFC 9562 version 8 UUID over SHA-256): stable
    /// across restarts and the same in every token, though a user removed and added again under
    /// the same name gets the same one.
    /// </summary>
    public string Subject(string username)
    {
        Span<byte> bytes = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{issuer}\n{username}"), bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes[..16], bigEndian: true).ToString("D");
    }

    private static void Groups(Utf8JsonWriter writer, CatalogUser user)
    {
        // Cognito leaves the claim out, rather than writing an empty list, for a user in no group.
        if (user.Groups.Count == 0)
        {
            return;
        }
        writer.WriteStartArray("cognito:groups");
        foreach (var group in user.Groups)
        {
            writer.WriteStringValue(group);
        }
        writer.WriteEndArray();
    }

    private void Times(Utf8JsonWriter writer, DateTimeOffset now, DateTimeOffset authTime)
    {
        writer.WriteNumber("auth_time", authTime.ToUnixTimeSeconds());
        writer.WriteNumber("exp", (now + lifetime).ToUnixTimeSeconds());
        writer.WriteNumber("iat", now.ToUnixTimeSeconds());
        writer.WriteString("jti", Guid.NewGuid().ToString("D"));
    }

    private string Sign(Action<Utf8JsonWriter> claims)
    {
        using var payload = new MemoryStream();
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            claims(writer);
            writer.WriteEndObject();
        }
        var signingInput = $"{Base64UrlText.Encode(_header)}.{Base64UrlText.Encode(payload.ToArray())}";
        var signature = key.Sign(Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64UrlText.Encode(signature)}";
    }
}
