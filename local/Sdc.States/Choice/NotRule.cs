using System.Text.Json.Nodes;

namespace Sdc.States.Choice;

/// <summary>Not: the rule does not match.</summary>
internal sealed class NotRule(ChoiceRule rule) : ChoiceRule
{
    public override bool Matches(JsonNode? input) => !rule.Matches(input);
}
