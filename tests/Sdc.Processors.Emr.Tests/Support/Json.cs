using System.Text.Json.Nodes;

namespace Sdc.Processors.Emr.Tests.Support;

/// <summary>Reading what the python scripts print (NaN comes as null).</summary>
internal static class Json
{
    public static double[] Doubles(this JsonNode? node) => [.. node!.AsArray().Select(v => v is null ? double.NaN : v.GetValue<double>())];

    public static long[] Longs(this JsonNode? node) => [.. node!.AsArray().Select(v => v!.GetValue<long>())];

    public static string Text(this JsonNode? node) => node!.GetValue<string>();
}
