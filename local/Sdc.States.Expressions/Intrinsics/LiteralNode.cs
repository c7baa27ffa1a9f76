using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Intrinsics;

/// <summary>
/// A string, number, boolean or null literal. For a string, <see cref="Placeholders"/> records
/// where an unescaped <c>{}</c> stood, so that States.Format can tell <c>{}</c> from <c>\{\}</c>.
/// </summary>
internal sealed class LiteralNode(int position, JsonNode? value, int[]? placeholders = null) : IntrinsicNode(position)
{
    public int[]? Placeholders { get; } = placeholders;

    public override JsonNode? Evaluate(JsonNode? input, JsonNode? context) => value;
}
