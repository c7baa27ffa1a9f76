using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace Sdc.Functions;

/// <summary>
/// The catalog's connection from an RDS credentials secret, the JSON Secrets Manager keeps for a
/// database (<c>{"username", "password", "host", "port", "dbname", "engine", …}</c>): an Npgsql
/// connection string with TLS required. The builder quotes what needs quoting, so a generated
/// password with <c>;</c>, <c>=</c> or quotes in it stays one value. Errors name the field and
/// never show a value.
/// </summary>
public static class RdsSecret
{
    /// <summary>Secrets Manager's documented default when a secret has no port.</summary>
    public const int DefaultPort = 5432;

    private const string Expected = "{\"username\", \"password\", \"host\", \"port\", \"dbname\"}";

    public static string ToConnectionString(string secretJson, string secretId)
    {
        ArgumentNullException.ThrowIfNull(secretJson);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(secretJson);
        }
        catch (JsonException)
        {
            // The parser's message can quote the text, and the text is a password's neighbour.
            throw new FormatException($"Secret {secretId} is not JSON; expected an RDS credentials secret {Expected}.");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"Secret {secretId} is a JSON {root.ValueKind}, not an object; expected an RDS credentials secret {Expected}.");
            }
            if (root.TryGetProperty("engine", out var engine) && engine.ValueKind == JsonValueKind.String
                && !string.Equals(engine.GetString(), "postgres", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException($"Secret {secretId}: \"engine\" is '{engine.GetString()}'; the catalog needs PostgreSQL (\"postgres\").");
            }
            var builder = new NpgsqlConnectionStringBuilder
            {
                Host = Text(root, "host", secretId),
                Port = Port(root, secretId),
                Database = Text(root, "dbname", secretId),
                Username = Text(root, "username", secretId),
                Password = Text(root, "password", secretId),
                SslMode = SslMode.Require,
            };
            return builder.ConnectionString;
        }
    }

    private static string Text(JsonElement root, string field, string secretId) =>
        root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new FormatException($"Secret {secretId} has no \"{field}\" (or it is empty or not a string); expected an RDS credentials secret {Expected}.");

    /// <summary>RDS writes the port as a number; hand-made secrets often have it as a string.</summary>
    private static int Port(JsonElement root, string secretId)
    {
        if (!root.TryGetProperty("port", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return DefaultPort;
        }
        var port = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var number) => number,
            JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
            _ => 0,
        };
        return port is > 0 and <= 65535
            ? port
            : throw new FormatException($"Secret {secretId}: \"port\" is not a TCP port; expected a number from 1 to 65535 (or no port, for {DefaultPort}).");
    }
}
