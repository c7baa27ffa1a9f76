using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sdc.States.Validation;

/// <summary>
/// Payload templates (Parameters, ResultSelector, ItemSelector, Credentials, Assign): a field whose name ends
/// in <c>.$</c> holds a Path or an intrinsic function call, evaluated at run time; every other value is copied.
/// </summary>
internal static class PayloadTemplates
{
    public const string DynamicSuffix = ".$";

    public static void Check(JsonObject state, Site stateSite, string field)
    {
        if (state.TryGetPropertyValue(field, out var template))
        {
            Check(template, stateSite.Field(field));
        }
    }

    public static void Check(JsonNode? node, Site site)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    var child = site.Field(name);
                    if (name.EndsWith(DynamicSuffix, StringComparison.Ordinal) && name.Length > DynamicSuffix.Length)
                    {
                        CheckDynamic(obj, name, value, child);
                    }
                    else
                    {
                        Check(value, child);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], site.Index(i));
                }
                break;
        }
    }

    private static void CheckDynamic(JsonObject obj, string name, JsonNode? value, Site site)
    {
        var plain = name[..^DynamicSuffix.Length];
        if (obj.ContainsKey(plain))
        {
            site.Report(ProblemCodes.InvalidPayloadTemplate,
                $"\"{name}\" and \"{plain}\" both produce the field \"{plain}\"; keep only one.");
        }
        if (Fields.Kind(value) != JsonValueKind.String)
        {
            site.Report(ProblemCodes.InvalidPayloadTemplate,
                $"\"{name}\" ends in .$, so it must hold a path or an intrinsic function as a string, not {Fields.Describe(value)}; drop the .$ to copy a constant.");
            return;
        }
        CheckPathOrIntrinsic(value!.GetValue<string>(), site, $"\"{name}\"");
    }

    /// <summary>A value that is a Path, or an intrinsic function call when it starts with <c>States.</c>.</summary>
    public static void CheckPathOrIntrinsic(string text, Site site, string what)
    {
        if (ExpressionSyntax.IsIntrinsicCall(text))
        {
            if (ExpressionSyntax.IntrinsicError(text) is { } error)
            {
                site.Report(ProblemCodes.InvalidIntrinsic, $"{what} holds \"{text}\", which is not a valid intrinsic function call: {error}");
            }
        }
        else if (ExpressionSyntax.PathError(text) is { } error)
        {
            site.Report(ProblemCodes.InvalidPath,
                $"{what} holds \"{text}\", which is neither a valid JSONPath (starting with $) nor an intrinsic function (States.…): {error}");
        }
    }
}
