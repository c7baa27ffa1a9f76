using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Intrinsics;

/// <summary>A node of a parsed intrinsic call: a literal, a path or a nested call.</summary>
internal abstract class IntrinsicNode(int position)
{
    /// <summary>Where the node starts in the expression text.</summary>
    public int Position { get; } = position;

    /// <summary>
    /// The node's value. Literals and paths return borrowed nodes (the literal itself, or the node
    /// inside the input); calls return new ones.
    /// </summary>
    public abstract JsonNode? Evaluate(JsonNode? input, JsonNode? context);
}
