using System.Text.Json;

namespace Sdc.Infra.Building;

/// <summary>
/// Reads <c>infra/stages.json</c>. Every problem names the stage and field and says what was
/// expected, because a wrong value here is found otherwise only by a failed deployment.
/// </summary>
public static class StageSettingsFile
{
    public const string RelativePath = "infra/stages.json";

    /// <summary>The stages in the file, in order; <paramref name="environment"/> supplies SDC_&lt;STAGE&gt;_ACCOUNT/REGION overrides.</summary>
    public static IReadOnlyList<StageSettings> Load(string path, Func<string, string?> environment)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: not JSON ({e.Message}).", e);
        }
        using (document)
        {
            var stages = new List<StageSettings>();
            foreach (var stage in document.RootElement.EnumerateObject().Where(p => !p.Name.StartsWith('$')))
            {
                stages.Add(Read(path, stage, environment));
            }
            return stages.Count > 0 ? stages : throw new FormatException($"{path}: names no stage; expected e.g. {{\"staging\": {{…}}, \"production\": {{…}}}}.");
        }
    }

    private static StageSettings Read(string path, JsonProperty stage, Func<string, string?> environment)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(stage.Name, "^[a-z][a-z0-9-]{0,19}$"))
        {
            throw new FormatException($"{path}: stage name '{stage.Name}': expected lower-case letters, digits and '-', starting with a letter, at most 20 characters (it prefixes AWS resource names).");
        }
        var at = $"{path}: {stage.Name}";
        var value = stage.Value;
        var database = Object(value, "database", at);
        var batch = Object(value, "batch", at);
        var api = Object(value, "api", at);
        var variable = stage.Name.ToUpperInvariant().Replace('-', '_');
        var account = environment($"SDC_{variable}_ACCOUNT") is { Length: > 0 } fromEnvironment ? fromEnvironment : OptionalText(value, "account", at);
        if (account is not null && !System.Text.RegularExpressions.Regex.IsMatch(account, "^[0-9]{12}$"))
        {
            throw new FormatException($"{at}.account: '{account}' is not an AWS account id (12 digits).");
        }
        var processors = Text(value, "processors", at);
        if (processors is not ("staging" or "production"))
        {
            throw new FormatException($"{at}.processors: '{processors}'; expected \"staging\" or \"production\" (the entry of processors/versions.json its jobs run).");
        }
        return new StageSettings(
            stage.Name,
            account,
            environment($"SDC_{variable}_REGION") is { Length: > 0 } region ? region : OptionalText(value, "region", at),
            processors,
            Boolean(value, "retainData", at),
            Integer(value, "natGateways", at, 1, 3),
            new DatabaseSettings(
                Text(database, "instanceClass", at + ".database"),
                Text(database, "instanceSize", at + ".database"),
                Boolean(database, "multiAz", at + ".database"),
                Integer(database, "allocatedStorageGiB", at + ".database", 20, 65536),
                Integer(database, "backupDays", at + ".database", 1, 35)),
            Integer(batch, "maxVcpus", at + ".batch", 1, 10000),
            Integer(api, "rateLimit", at + ".api", 1, 10000),
            Integer(api, "burstLimit", at + ".api", 1, 5000),
            OptionalText(value, "alarmEmail", at));
    }

    private static JsonElement Property(JsonElement parent, string name, string at) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value)
            ? value
            : throw new FormatException($"{at}.{name}: missing.");

    private static JsonElement Object(JsonElement parent, string name, string at) =>
        Property(parent, name, at) is { ValueKind: JsonValueKind.Object } value ? value : throw new FormatException($"{at}.{name}: expected an object.");

    private static string Text(JsonElement parent, string name, string at) =>
        Property(parent, name, at) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text
            ? text
            : throw new FormatException($"{at}.{name}: expected a non-empty string.");

    private static string? OptionalText(JsonElement parent, string name, string at) =>
        Property(parent, name, at) switch
        {
            { ValueKind: JsonValueKind.Null } => null,
            { ValueKind: JsonValueKind.String } value when value.GetString() is { Length: > 0 } text => text,
            _ => throw new FormatException($"{at}.{name}: expected a string or null."),
        };

    private static bool Boolean(JsonElement parent, string name, string at) =>
        Property(parent, name, at).ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new FormatException($"{at}.{name}: expected true or false."),
        };

    private static int Integer(JsonElement parent, string name, string at, int minimum, int maximum) =>
        Property(parent, name, at) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) && number >= minimum && number <= maximum
            ? number
            : throw new FormatException($"{at}.{name}: expected a whole number from {minimum} to {maximum}.");
}
