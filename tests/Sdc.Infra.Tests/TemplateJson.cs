using System.Text.Json.Nodes;

namespace Sdc.Infra.Tests;

/// <summary>Reading synthesized templates: resources by type, and what an expression refers to.</summary>
internal static class TemplateJson
{
    public static IEnumerable<(string Id, JsonObject Properties)> Resources(JsonObject template, string type) =>
        template["Resources"]!.AsObject()
            .Where(r => r.Value!["Type"]!.GetValue<string>() == type)
            .Select(r => (r.Key, r.Value!["Properties"]?.AsObject() ?? []));

    public static JsonObject Resource(JsonObject template, string id) => template["Resources"]![id]!.AsObject();

    /// <summary>The logical id an expression names: Ref, Fn::GetAtt, or either behind another stack's export.</summary>
    public static string? LogicalIdOf(JsonNode? expression, IReadOnlyDictionary<string, JsonNode> exports) => expression switch
    {
        JsonObject o when o["Ref"] is { } id => id.GetValue<string>(),
        JsonObject o when o["Fn::GetAtt"] is JsonArray att => att[0]!.GetValue<string>(),
        JsonObject o when o["Fn::ImportValue"] is { } name && exports.TryGetValue(name.GetValue<string>(), out var value) => LogicalIdOf(value, exports),
        _ => null,
    };

    /// <summary>
    /// An expression written out as text, with references as <c>&lt;LogicalId&gt;</c> (through exports
    /// of other stacks too): an ARN like <c>&lt;Archive1234&gt;/l0/*</c>.
    /// </summary>
    public static string Render(JsonNode? expression, IReadOnlyDictionary<string, JsonNode> exports) => expression switch
    {
        JsonValue v => v.ToString(),
        JsonObject o when o["Fn::Join"] is JsonArray join => string.Join(join[0]!.GetValue<string>(), join[1]!.AsArray().Select(p => Render(p, exports))),
        JsonObject o when LogicalIdOf(o, exports) is { } id => $"<{id}>",
        JsonObject o when o["Ref"] is { } pseudo => pseudo.GetValue<string>(),
        _ => expression?.ToJsonString() ?? "",
    };

    /// <summary>Every export of the templates: its name → the value expression.</summary>
    public static Dictionary<string, JsonNode> Exports(IEnumerable<JsonObject> templates)
    {
        var exports = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var template in templates)
        {
            foreach (var (_, output) in template["Outputs"]?.AsObject() ?? [])
            {
                if (output!["Export"]?["Name"] is JsonValue name)
                {
                    exports[name.GetValue<string>()] = output["Value"]!;
                }
            }
        }
        return exports;
    }

    public static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonArray a => a.Select(x => x!.GetValue<string>()),
        JsonValue v => [v.GetValue<string>()],
        _ => [],
    };
}
