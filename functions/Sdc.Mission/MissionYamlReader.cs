using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Sdc.Mission;

/// <summary>
/// Reads typed values out of a YAML node tree, recording a line-numbered problem for every
/// missing, misspelt or mistyped setting instead of stopping at the first, so one run of
/// <c>sdc mission check</c> shows everything to fix.
/// </summary>
internal sealed class MissionYamlReader(string source)
{
    private readonly List<MissionProblem> _problems = [];

    public IReadOnlyList<MissionProblem> Problems => _problems;

    public void Report(YamlNode? node, string path, string message)
    {
        var line = node is null ? 1 : (int)node.Start.Line;
        var column = node is null ? 1 : (int)node.Start.Column;
        _problems.Add(new MissionProblem(source, line, column, path, message));
    }

    public void Report(int line, int column, string path, string message) =>
        _problems.Add(new MissionProblem(source, line, column, path, message));

    public YamlMappingNode? Mapping(YamlNode? node, string path, YamlNode? parent)
    {
        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }
        Report(node ?? parent, path, node is null ? "is missing; expected a mapping of settings" : $"expected a mapping of settings, got {Describe(node)}");
        return null;
    }

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>Reports keys that are not among the known ones: a misspelt key must not be silently ignored.</summary>
    public void OnlyKeys(YamlMappingNode map, string path, params string[] known)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                Report(key, Join(path, name), $"unknown setting; expected one of {string.Join(", ", known)}");
            }
        }
    }

    public string? String(YamlMappingNode map, string key, string path, bool required = true)
    {
        var node = Child(map, key);
        if (node is null)
        {
            if (required)
            {
                Report(map, Join(path, key), "is missing");
            }
            return null;
        }
        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }
        Report(node, Join(path, key), $"expected text, got {Describe(node)}");
        return null;
    }

    public int? Integer(YamlMappingNode map, string key, string path, int min, int max)
    {
        var text = String(map, key, path);
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        Report(Child(map, key), Join(path, key), $"expected a whole number from {min} to {max}, got '{text}'");
        return null;
    }

    public double? Number(YamlMappingNode map, string key, string path, double minExclusive, double max)
    {
        var text = String(map, key, path);
        if (text is null)
        {
            return null;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > minExclusive && value <= max)
        {
            return value;
        }
        Report(Child(map, key), Join(path, key), $"expected a number greater than {minExclusive} and at most {max}, got '{text}'");
        return null;
    }

    /// <summary>A list of identifiers, each checked against <paramref name="allowed"/> when given.</summary>
    public IReadOnlyList<string> Identifiers(YamlMappingNode map, string key, string path, IReadOnlyCollection<string>? allowed = null, bool required = true)
    {
        var node = Child(map, key);
        if (node is null)
        {
            if (required)
            {
                Report(map, Join(path, key), "is missing; expected a list, e.g. [a, b]");
            }
            return [];
        }
        if (node is not YamlSequenceNode sequence)
        {
            Report(node, Join(path, key), $"expected a list, e.g. [a, b], got {Describe(node)}");
            return [];
        }
        var values = new List<string>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlScalarNode { Value: { Length: > 0 } value } || !IsIdentifier(value))
            {
                Report(item, Join(path, key), $"expected a lower-case identifier (letters and digits), got {Describe(item)}");
                continue;
            }
            if (allowed is not null && !allowed.Contains(value))
            {
                Report(item, Join(path, key), $"'{value}' is not defined; expected one of {string.Join(", ", allowed)}");
                continue;
            }
            if (values.Contains(value, StringComparer.Ordinal))
            {
                Report(item, Join(path, key), $"'{value}' is listed twice");
                continue;
            }
            values.Add(value);
        }
        return values;
    }

    /// <summary>The entries of a mapping whose keys are identifiers, in file order.</summary>
    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries(YamlMappingNode map, string path)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!IsIdentifier(key))
            {
                Report(keyNode, Join(path, key), "expected a lower-case identifier (letters and digits) as the name");
                continue;
            }
            yield return (key, keyNode, value);
        }
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public static bool IsIdentifier(string value) =>
        value.Length is > 0 and <= 16 && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9')) && char.IsAsciiLetter(value[0]);

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode { Value: null or "" } => "an empty value",
        YamlScalarNode s => $"'{s.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "something else",
    };
}
