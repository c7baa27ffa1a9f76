using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Sdc.States.Expressions.Intrinsics;
using Sdc.States.Expressions.Intrinsics.Functions;

namespace Sdc.States.Expressions;

/// <summary>
/// The <c>States.*</c> intrinsic functions by name. <see cref="Default"/> uses
/// <see cref="Random.Shared"/> and <see cref="Guid.NewGuid"/>; tests create a registry with their
/// own generator so that States.MathRandom and States.UUID are deterministic.
/// </summary>
public sealed class IntrinsicFunctionRegistry
{
    private readonly FrozenDictionary<string, IntrinsicFunction> _functions;

    private IntrinsicFunctionRegistry(IEnumerable<IntrinsicFunction> functions)
    {
        _functions = functions.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>The production registry.</summary>
    public static IntrinsicFunctionRegistry Default { get; } = Create();

    /// <summary>The function names, e.g. <c>States.Format</c>.</summary>
    public IReadOnlyCollection<string> Names => _functions.Keys;

    /// <summary>
    /// A registry of every AWS intrinsic. <paramref name="random"/> feeds States.MathRandom
    /// without a seed; <paramref name="newUuid"/> feeds States.UUID (it should return version 4 UUIDs).
    /// </summary>
    public static IntrinsicFunctionRegistry Create(Random? random = null, Func<Guid>? newUuid = null) =>
        new(
        [
            new FormatFunction(),
            new StringToJsonFunction(),
            new JsonToStringFunction(),
            new ArrayFunction(),
            new ArrayPartitionFunction(),
            new ArrayContainsFunction(),
            new ArrayRangeFunction(),
            new ArrayGetItemFunction(),
            new ArrayLengthFunction(),
            new ArrayUniqueFunction(),
            new Base64EncodeFunction(),
            new Base64DecodeFunction(),
            new HashFunction(),
            new JsonMergeFunction(),
            new MathRandomFunction(random ?? Random.Shared),
            new MathAddFunction(),
            new StringSplitFunction(),
            new UuidFunction(newUuid ?? Guid.NewGuid),
        ]);

    public bool Contains(string name) => _functions.ContainsKey(name);

    internal bool TryGet(string name, [NotNullWhen(true)] out IntrinsicFunction? function) =>
        _functions.TryGetValue(name, out function);
}
