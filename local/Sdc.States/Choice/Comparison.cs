using System.Text.Json.Nodes;

namespace Sdc.States.Choice;

/// <summary>A Choice comparison operator: its name, whether its operand is a path, and its test.</summary>
/// <param name="Test">(variable present, variable value, operand) → match.</param>
internal sealed record Comparison(string Name, bool OperandIsPath, bool IsTypeTest, Func<bool, JsonNode?, JsonNode?, bool> Test);
