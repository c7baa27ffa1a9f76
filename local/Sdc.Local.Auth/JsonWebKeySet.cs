using System.Text.Json;

namespace Sdc.Local.Auth;

/// <summary>Reads and writes a JWKS document (<c>{"keys":[…]}</c>), the RSA signing keys only.</summary>
public static class JsonWebKeySet
{
    /// <summary>
    /// The RSA signature keys of a JWKS. Keys of other types, or marked for encryption or another
    /// algorithm than RS256, are left out: nothing here could verify with them. Throws
    /// <see cref="FormatException"/> when the document is not a JWKS.
    /// </summary>
    public static IReadOnlyList<RsaJsonWebKey> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The JWKS is not JSON: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("The JWKS has no \"keys\" array.");
            }

            var found = new List<RsaJsonWebKey>();
            foreach (var key in keys.EnumerateArray())
            {
                if (key.ValueKind == JsonValueKind.Object
                    && Text(key, "kty") == "RSA"
                    && Text(key, "use") is null or "sig"
                    && Text(key, "alg") is null or "RS256"
                    && Text(key, "kid") is { Length: > 0 } kid
                    && Text(key, "n") is { Length: > 0 } n
                    && Text(key, "e") is { Length: > 0 } e)
                {
                    found.Add(new RsaJsonWebKey(kid, n, e));
                }
            }
            return found;
        }
    }

    /// <summary>The JWKS document for <paramref name="keys"/>, in the shape Cognito serves.</summary>
    public static string ToJson(IEnumerable<RsaJsonWebKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            foreach (var key in keys)
            {
                writer.WriteStartObject();
                writer.WriteString("alg", "RS256");
                writer.WriteString("e", key.Exponent);
                writer.WriteString("kid", key.KeyId);
                writer.WriteString("kty", "RSA");
                writer.WriteString("n", key.Modulus);
                writer.WriteString("use", "sig");
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string? Text(JsonElement key, string name) =>
        key.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
