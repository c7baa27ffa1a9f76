using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Intrinsics.Functions;

/// <summary>
/// <c>States.Format(template, values...)</c>: each <c>{}</c> in the template takes the next value.
/// A string prints as its text; an object or array prints the way Java prints a Map or List
/// (recorded: <c>{"Arg1": 1, "Arg2": []}</c> prints <c>{Arg1=1, Arg2=[]}</c>); anything else as JSON.
/// </summary>
internal sealed class FormatFunction() : IntrinsicFunction("States.Format", 1, int.MaxValue)
{
    protected override JsonNode? InvokeCore(IntrinsicArguments arguments)
    {
        var template = arguments.GetString(0, "format string");
        var placeholders = arguments.Source(0) is LiteralNode { Placeholders: { } recorded } ? recorded : FindPlaceholders(template);
        if (placeholders.Length != arguments.Count - 1)
        {
            throw arguments.Error(
                $"the format string has {placeholders.Length} '{{}}' placeholder(s) but {arguments.Count - 1} value argument(s) were given.");
        }

        var builder = new StringBuilder(template.Length + 16 * placeholders.Length);
        var last = 0;
        for (var i = 0; i < placeholders.Length; i++)
        {
            builder.Append(template, last, placeholders[i] - last);
            AppendJavaStyle(builder, arguments[i + 1]);
            last = placeholders[i] + 2;
        }

        builder.Append(template, last, template.Length - last);
        return JsonValue.Create(builder.ToString());
    }

    private static int[] FindPlaceholders(string template)
    {
        var found = new List<int>();
        for (var i = template.IndexOf("{}", StringComparison.Ordinal); i >= 0; i = template.IndexOf("{}", i + 2, StringComparison.Ordinal))
        {
            found.Add(i);
        }

        return [.. found];
    }

    /// <summary>A number as written in the JSON (the cheap paths avoid a serializer per value).</summary>
    private static void AppendNumber(StringBuilder builder, JsonValue number)
    {
        if (number.TryGetValue(out JsonElement element))
        {
            builder.Append(element.GetRawText());
        }
        else if (number.TryGetValue(out int i))
        {
            builder.Append(i.ToString(CultureInfo.InvariantCulture));
        }
        else if (number.TryGetValue(out long l))
        {
            builder.Append(l.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            builder.Append(JsonValues.ToJson(number));
        }
    }

    private static void AppendJavaStyle(StringBuilder builder, JsonNode? value)
    {
        switch (JsonValues.KindOf(value))
        {
            case JsonValueKind.String:
                builder.Append(value!.GetValue<string>());
                break;
            case JsonValueKind.Array:
                {
                    builder.Append('[');
                    var first = true;
                    foreach (var item in (JsonArray)value!)
                    {
                        if (!first)
                        {
                            builder.Append(", ");
                        }

                        first = false;
                        AppendJavaStyle(builder, item);
                    }

                    builder.Append(']');
                    break;
                }

            case JsonValueKind.Object:
                {
                    builder.Append('{');
                    var first = true;
                    foreach (var (key, item) in (JsonObject)value!)
                    {
                        if (!first)
                        {
                            builder.Append(", ");
                        }

                        first = false;
                        builder.Append(key).Append('=');
                        AppendJavaStyle(builder, item);
                    }

                    builder.Append('}');
                    break;
                }

            case JsonValueKind.Null:
                builder.Append("null");
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            default:
                AppendNumber(builder, (JsonValue)value!);
                break;
        }
    }
}
