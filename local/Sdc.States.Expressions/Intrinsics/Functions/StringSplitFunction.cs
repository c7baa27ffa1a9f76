using System.Text.Json.Nodes;

namespace Sdc.States.Expressions.Intrinsics.Functions;

/// <summary>
/// <c>States.StringSplit(text, delimiters)</c>: splits on ANY character of the delimiter string
/// and drops empty pieces (recorded: ", , ," split on "," gives [" ", " "]; "This.is+a,test=string"
/// split on ".+,=" gives five words) — Java's StringTokenizer.
/// </summary>
internal sealed class StringSplitFunction() : IntrinsicFunction("States.StringSplit", 2, 2)
{
    protected override JsonNode? InvokeCore(IntrinsicArguments arguments)
    {
        var text = arguments.GetString(0, "text");
        var delimiters = arguments.GetString(1, "delimiters");
        var result = new JsonArray();
        if (delimiters.Length == 0)
        {
            if (text.Length > 0)
            {
                result.Add(JsonValue.Create(text));
            }

            return result;
        }

        foreach (var piece in text.Split(delimiters.ToCharArray(), StringSplitOptions.RemoveEmptyEntries))
        {
            result.Add(JsonValue.Create(piece));
        }

        return result;
    }
}
