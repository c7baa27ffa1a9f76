using System.Globalization;

namespace Sdc.Bench;

/// <summary>
/// <c>--name value</c> options of a benchmark. Unknown or repeated options are errors, so a typo
/// never silently runs the default.
/// </summary>
internal sealed class BenchArgs
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _used = [];

    private BenchArgs(Dictionary<string, string> values) => _values = values;

    public static BenchArgs Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected --name value, got '{args[i]}'.");
            }

            if (!values.TryAdd(args[i][2..], args[++i]))
            {
                throw new ArgumentException($"Option {args[i - 1]} given twice.");
            }
        }

        return new BenchArgs(values);
    }

    public string? Text(string name)
    {
        _used.Add(name);
        return _values.GetValueOrDefault(name);
    }

    public string RequiredText(string name) =>
        Text(name) ?? throw new ArgumentException($"Option --{name} is required.");

    public int Int(string name, int fallback)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"Option --{name} must be a positive integer, got '{text}'.");
    }

    public double Double(string name, double fallback)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"Option --{name} must be a positive number, got '{text}'.");
    }

    /// <summary>Throws if an option was given that the benchmark never asked for.</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_used.Contains(k)).Select(k => "--" + k).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown)}.");
        }
    }
}
