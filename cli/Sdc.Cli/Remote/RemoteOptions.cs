using System.CommandLine;

namespace Sdc.Cli.Remote;

/// <summary>Options of the scientist's commands that talk to an SDC over HTTPS: which one, and the product query.</summary>
internal static class RemoteOptions
{
    public static readonly Option<string?> Endpoint = new("--endpoint")
    {
        Description = "The SDC's API URL (default: the last one you signed in to with `sdc login`)",
    };

    public static readonly Option<string?> Instrument = new("--instrument") { Description = "exi, emr, emu, …" };
    public static readonly Option<string?> Level = new("--level") { Description = "l1, l2, ql, l3, …" };
    public static readonly Option<string?> Descriptor = new("--descriptor") { Description = "e.g. f546, spe" };
    public static readonly Option<int?> Orbit = new("--orbit") { Description = "Orbit number" };
    public static readonly Option<string?> From = new("--from") { Description = "UTC start: 2021-02-24 or 2021-02-24T06:00:00Z" };
    public static readonly Option<string?> To = new("--to") { Description = "UTC end (exclusive)" };
    public static readonly Option<bool> AllVersions = new("--all-versions") { Description = "Every version, not only the latest" };

    public static IEnumerable<Option> Query => [Instrument, Level, Descriptor, Orbit, From, To, AllVersions];

    /// <summary>The product query as the API's query string parameters.</summary>
    public static (string Name, string? Value)[] QueryParameters(ParseResult parse) =>
    [
        ("instrument", parse.GetValue(Instrument)),
        ("level", parse.GetValue(Level)),
        ("descriptor", parse.GetValue(Descriptor)),
        ("orbit", parse.GetValue(Orbit)?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("from", parse.GetValue(From)),
        ("to", parse.GetValue(To)),
        ("version", parse.GetValue(AllVersions) ? "all" : null),
    ];

    public static bool HasQuery(ParseResult parse) => QueryParameters(parse).Any(p => p.Value is not null);
}
