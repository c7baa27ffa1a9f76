using System.Text;

namespace Sdc.Mission;

/// <summary>
/// A compiled naming pattern such as <c>{mission}_{instrument}_{level}_{start}…</c>: literal text
/// and placeholders, alternating. Reading walks the name left to right so that a failure can say
/// exactly which part is wrong.
/// </summary>
public sealed class FileNameTemplate
{
    private readonly IReadOnlyList<Segment> _segments;

    private FileNameTemplate(FileNameKind kind, string pattern, IReadOnlyList<Segment> segments)
    {
        Kind = kind;
        Pattern = pattern;
        _segments = segments;
    }

    public FileNameKind Kind { get; }

    public string Pattern { get; }

    /// <summary>Compiles a pattern; throws <see cref="FormatException"/> saying what is wrong with it.</summary>
    public static FileNameTemplate Compile(FileNameKind kind, string pattern)
    {
        var segments = new List<Segment>();
        var literal = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '}')
            {
                throw new FormatException($"'}}' at character {i + 1} has no matching '{{'");
            }
            if (pattern[i] != '{')
            {
                literal.Append(pattern[i]);
                continue;
            }
            var close = pattern.IndexOf('}', i);
            if (close < 0)
            {
                throw new FormatException($"'{{' at character {i + 1} is never closed");
            }
            var name = pattern[(i + 1)..close];
            if (!NameTokens.All.TryGetValue(name, out var token))
            {
                throw new FormatException($"unknown placeholder {{{name}}}; expected one of {string.Join(", ", NameTokens.All.Keys.Select(k => "{" + k + "}"))}");
            }
            if (literal.Length > 0)
            {
                segments.Add(new Segment(literal.ToString(), null));
                literal.Clear();
            }
            else if (segments.Count > 0 && segments[^1].Token is not null)
            {
                // Without text between them there is no way to tell where one part ends.
                throw new FormatException($"{{{segments[^1].Token!.Name}}} and {{{name}}} need literal text between them");
            }
            segments.Add(new Segment(null, token));
            i = close;
        }
        if (literal.Length > 0)
        {
            segments.Add(new Segment(literal.ToString(), null));
        }
        if (!segments.Any(s => s.Token?.Name == "mission"))
        {
            throw new FormatException("a pattern must contain {mission}");
        }
        return new FileNameTemplate(kind, pattern, segments);
    }

    /// <summary>The placeholders this pattern uses, in order.</summary>
    public IEnumerable<string> Placeholders => _segments.Where(s => s.Token is not null).Select(s => s.Token!.Name);

    internal Attempt TryRead(string name, Mission mission)
    {
        var fields = new MissionFileName(Kind, mission.Id);
        var position = 0;
        for (var i = 0; i < _segments.Count; i++)
        {
            var segment = _segments[i];
            if (segment.Literal is { } literal)
            {
                if (string.CompareOrdinal(name, position, literal, 0, literal.Length) != 0)
                {
                    var after = i > 0 ? $" after the {_segments[i - 1].Token?.Description}" : " at the start";
                    var found = name.Length > position ? name.Substring(position, Math.Min(literal.Length, name.Length - position)) : "";
                    return Attempt.Failed(new FileNameException(name, "separator", found, $"'{literal}'{after} (pattern {Pattern})", position), tokenFailure: false);
                }
                position += literal.Length;
                continue;
            }

            var token = segment.Token!;
            var end = name.Length;
            if (i + 1 < _segments.Count)
            {
                var next = _segments[i + 1].Literal!;
                var found = name.IndexOf(next, position, StringComparison.Ordinal);
                end = found < 0 ? name.Length : found;
            }
            var text = name[position..end];
            var read = token.Read(text, fields, mission, out var expected);
            if (read is null)
            {
                return Attempt.Failed(new FileNameException(name, token.Description, text, expected, position), tokenFailure: true);
            }
            fields = read;
            position = end;
        }
        return position == name.Length
            ? Attempt.Succeeded(fields)
            : Attempt.Failed(new FileNameException(name, "end", name[position..], "nothing more", position), tokenFailure: false);
    }

    internal string Write(MissionFileName fields, Mission mission)
    {
        var name = new StringBuilder();
        foreach (var segment in _segments)
        {
            if (segment.Literal is { } literal)
            {
                name.Append(literal);
                continue;
            }
            var text = segment.Token!.Write(fields, mission)
                ?? throw new ArgumentException($"A {Kind} name needs its {segment.Token.Description} ({{{segment.Token.Name}}}), which is not set.", nameof(fields));
            name.Append(text);
        }
        return name.ToString();
    }

    private sealed record Segment(string? Literal, NameToken? Token);

    internal sealed record Attempt(MissionFileName? Fields, FileNameException? Error, bool TokenFailure)
    {
        public static Attempt Succeeded(MissionFileName fields) => new(fields, null, false);

        public static Attempt Failed(FileNameException error, bool tokenFailure) => new(null, error, tokenFailure);
    }
}
