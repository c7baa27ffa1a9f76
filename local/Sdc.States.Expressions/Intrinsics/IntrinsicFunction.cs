using System.Text.Json.Nodes;
using Sdc.States.Errors;

namespace Sdc.States.Expressions.Intrinsics;

/// <summary>
/// One <c>States.*</c> intrinsic. Arguments are borrowed (they may belong to the state's input):
/// an implementation never modifies them and copies any it puts into its result, and it never
/// returns an argument itself.
/// </summary>
internal abstract class IntrinsicFunction(string name, int minArguments, int maxArguments)
{
    /// <summary>The name as written in a definition, e.g. <c>States.Format</c>.</summary>
    public string Name { get; } = name;

    public int MinArguments { get; } = minArguments;

    /// <summary>The most arguments accepted; <see cref="int.MaxValue"/> for no limit.</summary>
    public int MaxArguments { get; } = maxArguments;

    public JsonNode? Invoke(IntrinsicArguments arguments)
    {
        if (arguments.Count < MinArguments || arguments.Count > MaxArguments)
        {
            var expected = MinArguments == MaxArguments ? $"{MinArguments}"
                : MaxArguments == int.MaxValue ? $"at least {MinArguments}"
                : $"{MinArguments} to {MaxArguments}";
            throw new StatesIntrinsicFailureException(
                $"{Name} takes {expected} argument{(expected == "1" ? string.Empty : "s")} but was given {arguments.Count}.");
        }

        return InvokeCore(arguments);
    }

    protected abstract JsonNode? InvokeCore(IntrinsicArguments arguments);
}
