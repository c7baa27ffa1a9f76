using System.Text.Json.Nodes;
using Sdc.States.Errors;
using Sdc.States.Expressions.Templates;

namespace Sdc.States.Expressions;

/// <summary>
/// A payload template (Parameters, ItemSelector, ResultSelector): a JSON value copied as is,
/// except that a field whose name ends in <c>.$</c> loses the suffix and takes its value from a
/// path over the input (<c>$...</c>), a path over the context object (<c>$$...</c>) or an
/// intrinsic function (<c>States.Fn(...)</c>). Fields in nested objects and in objects inside
/// arrays are processed too. Compile once per definition and evaluate per state entry; a
/// compiled template is immutable and thread-safe.
/// </summary>
public sealed class PayloadTemplate
{
    private const string DynamicSuffix = ".$";
    private readonly TemplateNode _root;

    private PayloadTemplate(TemplateNode root) => _root = root;

    /// <summary>
    /// Compiles a template, parsing every path and intrinsic once. A <c>.$</c> field whose value is
    /// not a string holding a valid path or intrinsic throws <see cref="StatesRuntimeException"/>.
    /// The template is copied; later changes to it have no effect.
    /// </summary>
    public static PayloadTemplate Compile(JsonNode? template, IntrinsicFunctionRegistry? functions = null) =>
        new(CompileNode(template, functions ?? IntrinsicFunctionRegistry.Default));

    /// <summary>Compiles and evaluates in one go; for a template used more than once, <see cref="Compile"/> it.</summary>
    public static JsonNode? Evaluate(JsonNode? template, JsonNode? input, JsonNode? context) =>
        Compile(template).Evaluate(input, context);

    /// <summary>
    /// Builds the payload: a new document. Throws <see cref="StatesRuntimeException"/> when a path
    /// selects nothing (as AWS does, recorded) and <see cref="StatesIntrinsicFailureException"/>
    /// when an intrinsic rejects its arguments.
    /// </summary>
    public JsonNode? Evaluate(JsonNode? input, JsonNode? context) => _root.Evaluate(input, context);

    private static TemplateNode CompileNode(JsonNode? node, IntrinsicFunctionRegistry functions)
    {
        switch (node)
        {
            case JsonObject obj:
                {
                    var properties = new KeyValuePair<string, TemplateNode>[obj.Count];
                    var dynamic = false;
                    var i = 0;
                    foreach (var (key, value) in obj)
                    {
                        TemplateNode compiled;
                        string name;
                        if (key.EndsWith(DynamicSuffix, StringComparison.Ordinal))
                        {
                            name = key[..^DynamicSuffix.Length];
                            compiled = CompileField(key, value, functions);
                        }
                        else
                        {
                            name = key;
                            compiled = CompileNode(value, functions);
                        }

                        dynamic |= compiled is not ConstantNode;
                        properties[i++] = new(name, compiled);
                    }

                    return dynamic ? new ObjectNode(properties) : new ConstantNode(obj.DeepClone());
                }

            case JsonArray array:
                {
                    var items = new TemplateNode[array.Count];
                    var dynamic = false;
                    for (var i = 0; i < array.Count; i++)
                    {
                        items[i] = CompileNode(array[i], functions);
                        dynamic |= items[i] is not ConstantNode;
                    }

                    return dynamic ? new ArrayNode(items) : new ConstantNode(array.DeepClone());
                }

            default:
                return new ConstantNode(node?.DeepClone());
        }
    }

    private static TemplateNode CompileField(string field, JsonNode? value, IntrinsicFunctionRegistry functions)
    {
        if (!JsonValues.TryGetString(value, out var text))
        {
            throw InvalidField(field, $"found {JsonValues.ToJson(value)}");
        }

        try
        {
            if (text.StartsWith('$'))
            {
                return new PathFieldNode(field, JsonPath.Parse(text));
            }

            if (IntrinsicExpression.IsIntrinsicCall(text))
            {
                return new IntrinsicFieldNode(IntrinsicExpression.Parse(text, functions));
            }
        }
        catch (FormatException e)
        {
            throw InvalidField(field, e.Message);
        }

        throw InvalidField(field, $"found '{text}'");
    }

    private static StatesRuntimeException InvalidField(string field, string detail) =>
        new($"The value for the field '{field}' must be a valid JSONPath or a valid intrinsic function call: {detail}");
}
