using Sdc.States.Expressions;

namespace Sdc.States.Validation;

/// <summary>
/// Syntax checks of paths and intrinsic functions, by the parsers the interpreter itself uses, so that what
/// passes validation also parses at run time. Each returns null when the text is valid, else why not.
/// </summary>
internal static class ExpressionSyntax
{
    public static bool IsIntrinsicCall(string text) => IntrinsicExpression.IsIntrinsicCall(text);

    /// <summary>Any JSONPath of the dialect AWS accepts, including <c>$$</c> context paths.</summary>
    public static string? PathError(string text) => Try(() => JsonPath.Parse(text));

    /// <summary>A JSONPath that names a single node (of the input, or of the context object with <c>$$</c>).</summary>
    public static string? DefinitePathError(string text) => Try(() =>
    {
        if (!JsonPath.Parse(text).IsDefinite)
        {
            throw new FormatException("it must name a single node: no wildcards, filters, slices, unions or '..'");
        }
    });

    /// <summary>A Reference Path as ResultPath takes it: <c>$</c>, names and indexes, never the context object.</summary>
    public static string? ResultPathError(string text) => Try(() => ReferencePath.Parse(text));

    /// <summary>An intrinsic function call (<c>States.Format('{}', $.a)</c>) of a function the interpreter has.</summary>
    public static string? IntrinsicError(string text) => Try(() => IntrinsicExpression.Parse(text));

    private static string? Try(Action parse)
    {
        try
        {
            parse();
            return null;
        }
        catch (JsonPathSyntaxException e)
        {
            return $"{e.Reason} (at position {e.Position}).";
        }
        catch (IntrinsicSyntaxException e)
        {
            return $"{e.Reason} (at position {e.Position}).";
        }
        catch (FormatException e)
        {
            return e.Message.EndsWith('.') ? e.Message : e.Message + ".";
        }
    }
}
