using System.Text.Json.Nodes;

namespace Sdc.States.Choice;

/// <summary>A Choice rule or a part of one (And/Or/Not, or a single comparison).</summary>
internal abstract class ChoiceRule
{
    public abstract bool Matches(JsonNode? input);

    public static ChoiceRule Parse(JsonObject json)
    {
        if (json["And"] is JsonArray and)
        {
            return new AndRule(and.Select(r => Parse(r!.AsObject())).ToList());
        }
        if (json["Or"] is JsonArray or)
        {
            return new OrRule(or.Select(r => Parse(r!.AsObject())).ToList());
        }
        if (json["Not"] is JsonObject not)
        {
            return new NotRule(Parse(not));
        }
        return ComparisonRule.Parse(json);
    }
}
