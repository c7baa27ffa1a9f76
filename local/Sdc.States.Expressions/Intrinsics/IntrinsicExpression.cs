using System.Text.Json.Nodes;
using Sdc.States.Errors;
using Sdc.States.Expressions.Intrinsics;

namespace Sdc.States.Expressions;

/// <summary>
/// A parsed intrinsic function call such as <c>States.Format('{}-{}', $.a, $$.Execution.Name)</c>.
/// Parse once, evaluate many times; instances are immutable and thread-safe.
/// </summary>
public sealed class IntrinsicExpression
{
    private readonly CallNode _root;

    private IntrinsicExpression(string text, CallNode root)
    {
        Text = text;
        _root = root;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>The outermost function's name, e.g. <c>States.Format</c>.</summary>
    public string FunctionName => _root.Function.Name;

    /// <summary>True when the text has the form of an intrinsic call (starts with <c>States.</c>); it may still fail to parse.</summary>
    public static bool IsIntrinsicCall(string? text) =>
        text is not null && text.TrimStart().StartsWith("States.", StringComparison.Ordinal);

    /// <summary>
    /// Parses a call, binding function names against <paramref name="functions"/> (default:
    /// <see cref="IntrinsicFunctionRegistry.Default"/>). Throws <see cref="IntrinsicSyntaxException"/>
    /// naming the position of the fault, including for an unknown function.
    /// </summary>
    public static IntrinsicExpression Parse(string text, IntrinsicFunctionRegistry? functions = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new IntrinsicExpression(text, IntrinsicParser.Parse(text, functions ?? IntrinsicFunctionRegistry.Default));
    }

    /// <summary>
    /// Evaluates the call: <c>$</c> paths read <paramref name="input"/>, <c>$$</c> paths read
    /// <paramref name="context"/>. The result is a new node. Throws
    /// <see cref="StatesIntrinsicFailureException"/> for bad arguments and
    /// <see cref="StatesRuntimeException"/> for a path argument that selects nothing.
    /// </summary>
    public JsonNode? Evaluate(JsonNode? input, JsonNode? context) => _root.Evaluate(input, context);

    public override string ToString() => Text;
}
