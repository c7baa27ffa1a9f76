using System.Text.Json.Nodes;

namespace Sdc.States.Choice;

/// <summary>Or: at least one rule matches.</summary>
internal sealed class OrRule(IReadOnlyList<ChoiceRule> rules) : ChoiceRule
{
    public override bool Matches(JsonNode? input) => rules.Any(r => r.Matches(input));
}
