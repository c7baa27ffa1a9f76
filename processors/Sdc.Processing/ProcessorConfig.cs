using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sdc.Processing;

/// <summary>
/// A processor's human-readable configuration (YAML): settings addressed by dotted names
/// (<c>flat.minimum</c>). A missing setting takes the default the code gives; a malformed one is
/// an error naming the file, line and setting.
/// </summary>
public sealed class ProcessorConfig
{
    private readonly Dictionary<string, (string Value, int Line)> _values;

    private ProcessorConfig(string source, Dictionary<string, (string, int)> values)
    {
        Source = source;
        _values = values;
    }

    public string Source { get; }

    public static ProcessorConfig Empty { get; } = new("(no configuration)", []);

    public static ProcessorConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException(SdkMessages.BadConfig, $"{path}: cannot be read: {e.Message}", path);
        }
        return Parse(text, path);
    }

    public static ProcessorConfig Parse(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new BadInputException(SdkMessages.BadConfig, $"{source}:{e.Start.Line}: not valid YAML: {(e.InnerException ?? e).Message}", source);
        }
        var values = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        if (stream.Documents.Count > 0)
        {
            Flatten(stream.Documents[0].RootNode, "", values, source);
        }
        return new ProcessorConfig(source, values);
    }

    public string GetString(string name, string fallback) => _values.TryGetValue(name, out var v) ? v.Value : fallback;

    public double GetDouble(string name, double fallback, double min = double.MinValue, double max = double.MaxValue)
    {
        if (!_values.TryGetValue(name, out var v))
        {
            return fallback;
        }
        return double.TryParse(v.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= min && d <= max
            ? d
            : throw new BadInputException(SdkMessages.BadConfig, $"{Source}:{v.Line}: setting '{name}' is '{v.Value}'; expected a number from {min} to {max}", Source);
    }

    public int GetInt(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var value = GetDouble(name, fallback, min, max);
        return value == Math.Floor(value)
            ? (int)value
            : throw new BadInputException(SdkMessages.BadConfig, $"{Source}: setting '{name}' is {value}; expected a whole number", Source);
    }

    private static void Flatten(YamlNode node, string prefix, Dictionary<string, (string, int)> values, string source)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var name = ((YamlScalarNode)key).Value ?? "";
                    Flatten(value, prefix.Length == 0 ? name : $"{prefix}.{name}", values, source);
                }
                break;
            case YamlScalarNode scalar:
                values[prefix] = (scalar.Value ?? "", (int)scalar.Start.Line);
                break;
            default:
                throw new BadInputException(SdkMessages.BadConfig, $"{source}:{node.Start.Line}: setting '{prefix}' is a list; settings are single values", source);
        }
    }
}
