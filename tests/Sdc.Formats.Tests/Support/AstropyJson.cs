using System.Globalization;
using System.Text.Json.Nodes;

namespace Sdc.Formats.Tests.Support;

/// <summary>Reading the astropy server's answers.</summary>
public static class AstropyJson
{
    public static JsonObject Hdu(this JsonObject dump, int index) => dump["hdus"]![index]!.AsObject();

    public static int HduCount(this JsonObject dump) => dump["hdus"]!.AsArray().Count;

    public static JsonObject Column(this JsonObject hdu, string name) =>
        hdu["columns"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!.AsObject();

    /// <summary>The value of the first card with this keyword (null if absent or undefined).</summary>
    public static JsonNode? Card(this JsonObject hdu, string keyword) =>
        hdu["cards"]!.AsArray().FirstOrDefault(c => c![0]!.GetValue<string>() == keyword)?[1];

    public static string? CardComment(this JsonObject hdu, string keyword) =>
        hdu["cards"]!.AsArray().FirstOrDefault(c => c![0]!.GetValue<string>() == keyword)?[2]?.GetValue<string>();

    public static IReadOnlyList<string> Keywords(this JsonObject hdu) =>
        hdu["cards"]!.AsArray().Select(c => c![0]!.GetValue<string>()).ToList();

    public static double[] Doubles(this JsonObject holder) =>
        holder["values"]!.AsArray().Select(ToDouble).ToArray();

    public static long[] Longs(this JsonObject holder) =>
        holder["values"]!.AsArray().Select(v => v!.GetValue<long>()).ToArray();

    public static string[] Strings(this JsonObject holder) =>
        holder["values"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray();

    public static bool[] Booleans(this JsonObject holder) =>
        holder["values"]!.AsArray().Select(v => v!.GetValue<bool>()).ToArray();

    public static int[] Ints(this JsonNode node) => node.AsArray().Select(v => v!.GetValue<int>()).ToArray();

    public static double ToDouble(JsonNode? node) => node!.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.String => node.GetValue<string>() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var s => double.Parse(s, CultureInfo.InvariantCulture),
        },
        _ => node.GetValue<double>(),
    };
}
