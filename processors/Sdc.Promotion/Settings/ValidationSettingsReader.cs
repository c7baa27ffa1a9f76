using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sdc.Promotion.Settings;

/// <summary>
/// Reads <c>processors/&lt;instrument&gt;/validation.yaml</c> into <see cref="ValidationSettings"/>.
/// Unknown settings are errors (a misspelt tolerance would otherwise silently fall back to the
/// default); every error names the file, line, setting and what was expected.
/// <code>
/// reference: { start: 2021-02-24T00:00:00Z, orbits: 1, seed: 1 }
/// tolerance:
///   default: { relative: 1.0e-6, absolute: 0 }
///   "l2:RADIANCE": { relative: 1.0e-5 }
/// headers: { mayDiffer: [SWVERSN, "CAL*"], tolerance: { relative: 0, absolute: 0 } }
/// quicklook: { tolerance: { absolute: 1 } }
/// </code>
/// </summary>
public static partial class ValidationSettingsReader
{
    public const string FileName = "validation.yaml";

    /// <summary>The instrument's settings file when it has one, else the defaults.</summary>
    public static ValidationSettings LoadOrDefault(string path) => File.Exists(path) ? Load(path) : ValidationSettings.Defaults;

    /// <exception cref="FormatException">The file is not valid; the message says where and what was expected.</exception>
    public static ValidationSettings Load(string path) => Parse(File.ReadAllText(path), path);

    /// <inheritdoc cref="Load"/>
    public static ValidationSettings Parse(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FormatException($"{source}:{e.Start.Line}: not valid YAML: {(e.InnerException ?? e).Message}", e);
        }
        var settings = new ValidationSettings { Source = source };
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return settings;
        }
        var reader = new Reader(source);
        var root = reader.Map(stream.Documents[0].RootNode, "(file)");
        foreach (var (key, value) in root.Children)
        {
            var name = reader.Key(key);
            settings = name switch
            {
                "reference" => settings with { Reference = reader.Reference(value) },
                "tolerance" => reader.Tolerances(value, settings),
                "headers" => reader.Headers(value, settings),
                "quicklook" => settings with { QuicklookTolerance = reader.Quicklook(value, settings.QuicklookTolerance) },
                _ => throw reader.Error(key, name, "unknown setting; expected reference, tolerance, headers or quicklook"),
            };
        }
        return settings;
    }

    // A level (l1), an HDU (RADIANCE), a level's HDU (l2:RADIANCE), a column (SPECTRA/WAVENUMBER) or a level's column.
    [GeneratedRegex("^(?:(?<level>[a-z][a-z0-9]*)|(?:(?<level>[a-z][a-z0-9]*):)?(?<hdu>[A-Za-z0-9_-]+)(?:/(?<column>[A-Za-z0-9_-]+))?)$")]
    private static partial Regex ToleranceKey();

    [GeneratedRegex("^[A-Z0-9_-]{1,8}$|^[A-Z0-9_-]{0,7}\\*$")]
    private static partial Regex KeywordPattern();

    private sealed class Reader(string source)
    {
        public FormatException Error(YamlNode node, string setting, string problem) =>
            new($"{source}:{node.Start.Line}: {setting}: {problem}.");

        public string Key(YamlNode node) => node is YamlScalarNode { Value: { } text } ? text : throw Error(node, "(key)", "expected a plain name");

        public YamlMappingNode Map(YamlNode node, string setting) =>
            node as YamlMappingNode ?? throw Error(node, setting, "expected a mapping of settings");

        public ReferenceWindow Reference(YamlNode node)
        {
            var window = ReferenceWindow.Default;
            foreach (var (key, value) in Map(node, "reference").Children)
            {
                var name = Key(key);
                window = name switch
                {
                    "start" => window with { Start = Time(value, "reference.start") },
                    "orbits" => window with { Orbits = (int)Whole(value, "reference.orbits", 1, 100) },
                    "seed" => window with { Seed = Whole(value, "reference.seed", long.MinValue, long.MaxValue) },
                    _ => throw Error(key, $"reference.{name}", "unknown setting; expected start, orbits or seed"),
                };
            }
            return window;
        }

        public ValidationSettings Tolerances(YamlNode node, ValidationSettings settings)
        {
            var tolerances = new Dictionary<string, Tolerance>(settings.Tolerances, StringComparer.Ordinal);
            var result = settings;
            foreach (var (key, value) in Map(node, "tolerance").Children)
            {
                var name = Key(key);
                if (name == ValidationSettings.DefaultKey)
                {
                    result = result with { DefaultTolerance = Tolerance(value, "tolerance.default") };
                    continue;
                }
                var match = ToleranceKey().Match(name);
                if (!match.Success)
                {
                    throw Error(key, $"tolerance.{name}", "expected default, a level (l2), an HDU (RADIANCE), level:HDU, HDU/COLUMN or level:HDU/COLUMN");
                }
                // FITS names (EXTNAME, TTYPE) are case-insensitive; levels are mission.yaml's lower-case ids.
                var normalized = match.Groups["hdu"].Success
                    ? (match.Groups["level"].Success ? match.Groups["level"].Value + ":" : "") + match.Groups["hdu"].Value.ToUpperInvariant()
                      + (match.Groups["column"].Success ? "/" + match.Groups["column"].Value.ToUpperInvariant() : "")
                    : match.Groups["level"].Value;
                tolerances[normalized] = Tolerance(value, $"tolerance.{name}");
            }
            return result with { Tolerances = tolerances };
        }

        public ValidationSettings Headers(YamlNode node, ValidationSettings settings)
        {
            var result = settings;
            foreach (var (key, value) in Map(node, "headers").Children)
            {
                var name = Key(key);
                result = name switch
                {
                    "mayDiffer" => result with { MayDiffer = [.. ValidationSettings.BuiltInMayDiffer, .. Keywords(value)] },
                    "tolerance" => result with { HeaderTolerance = Tolerance(value, "headers.tolerance") },
                    _ => throw Error(key, $"headers.{name}", "unknown setting; expected mayDiffer or tolerance"),
                };
            }
            return result;
        }

        public Tolerance Quicklook(YamlNode node, Tolerance current)
        {
            foreach (var (key, value) in Map(node, "quicklook").Children)
            {
                var name = Key(key);
                current = name == "tolerance" ? Tolerance(value, "quicklook.tolerance") : throw Error(key, $"quicklook.{name}", "unknown setting; expected tolerance");
            }
            return current;
        }

        public Tolerance Tolerance(YamlNode node, string setting)
        {
            var (relative, absolute) = (0.0, 0.0);
            foreach (var (key, value) in Map(node, setting).Children)
            {
                var name = Key(key);
                switch (name)
                {
                    case "relative":
                        relative = NonNegative(value, $"{setting}.relative");
                        break;
                    case "absolute":
                        absolute = NonNegative(value, $"{setting}.absolute");
                        break;
                    default:
                        throw Error(key, $"{setting}.{name}", "unknown setting; expected relative or absolute");
                }
            }
            return new Tolerance(relative, absolute);
        }

        private List<string> Keywords(YamlNode node)
        {
            var list = node as YamlSequenceNode ?? throw Error(node, "headers.mayDiffer", "expected a list of FITS keywords, e.g. [SWVERSN, \"CAL*\"]");
            var keywords = new List<string>();
            foreach (var item in list.Children)
            {
                var text = item is YamlScalarNode { Value: { } value } ? value.ToUpperInvariant() : null;
                keywords.Add(text is not null && KeywordPattern().IsMatch(text)
                    ? text
                    : throw Error(item, "headers.mayDiffer", $"'{(item as YamlScalarNode)?.Value}' is not a FITS keyword (1-8 of A-Z 0-9 - _) or a prefix ending in *"));
            }
            return keywords;
        }

        private double NonNegative(YamlNode node, string setting)
        {
            var text = Scalar(node, setting);
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value)
                ? value
                : throw Error(node, setting, $"'{text}'; expected a number ≥ 0");
        }

        private long Whole(YamlNode node, string setting, long min, long max)
        {
            var text = Scalar(node, setting);
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw Error(node, setting, $"'{text}'; expected a whole number from {min} to {max}");
        }

        private DateTime Time(YamlNode node, string setting)
        {
            var text = Scalar(node, setting);
            return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
                ? DateTime.SpecifyKind(time, DateTimeKind.Utc)
                : throw Error(node, setting, $"'{text}'; expected a UTC time such as 2021-02-24T00:00:00Z");
        }

        private string Scalar(YamlNode node, string setting) =>
            node is YamlScalarNode { Value: { } text } ? text : throw Error(node, setting, "expected a single value");
    }
}
