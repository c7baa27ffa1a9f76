using System.Text.Json.Nodes;

namespace Sdc.States.Choice;

/// <summary>And: every rule matches.</summary>
internal sealed class AndRule(IReadOnlyList<ChoiceRule> rules) : ChoiceRule
{
    public override bool Matches(JsonNode? input) => rules.All(r => r.Matches(input));
}
