namespace Sdc.Mission;

/// <summary>
/// The mission's file-name patterns, one per <see cref="FileNameKind"/>: turns a name into typed
/// fields and back. When no pattern fits, the error comes from the pattern that read furthest,
/// so it names the part a person most likely got wrong.
/// </summary>
public sealed class NamingRules(IReadOnlyList<FileNameTemplate> templates)
{
    public const string ChecksumSidecarSuffix = ".md5";

    public IReadOnlyList<FileNameTemplate> Templates { get; } = templates;

    public FileNameTemplate For(FileNameKind kind) =>
        Templates.FirstOrDefault(t => t.Kind == kind)
        ?? throw new InvalidOperationException($"The mission has no naming pattern for {kind} files.");

    public MissionFileName Parse(string name, Mission mission) =>
        TryParse(name, mission, out var parsed, out var error) ? parsed! : throw error!;

    public bool TryParse(string name, Mission mission, out MissionFileName? parsed, out FileNameException? error)
    {
        ArgumentNullException.ThrowIfNull(name);
        parsed = null;
        error = null;
        var sidecar = name.EndsWith(ChecksumSidecarSuffix, StringComparison.Ordinal);
        var subject = sidecar ? name[..^ChecksumSidecarSuffix.Length] : name;

        var failures = new List<FileNameTemplate.Attempt>();
        foreach (var template in Templates)
        {
            var attempt = template.TryRead(subject, mission);
            if (attempt.Fields is { } fields)
            {
                parsed = fields with { IsChecksumSidecar = sidecar };
                return true;
            }
            failures.Add(attempt);
        }
        error = BestExplanation(name, failures);
        return false;
    }

    public string Format(MissionFileName fields, Mission mission)
    {
        var name = For(fields.Kind).Write(fields, mission);
        return fields.IsChecksumSidecar ? name + ChecksumSidecarSuffix : name;
    }

    private static FileNameException BestExplanation(string name, List<FileNameTemplate.Attempt> failures)
    {
        // Furthest position wins; at the same position a wrong part beats a wrong separator, and
        // several wrong-part readings of the same text are merged ("an instrument or a kernel type").
        var furthest = failures.Max(f => f.Error!.Position);
        var atFurthest = failures.Where(f => f.Error!.Position == furthest).ToList();
        var tokenFailures = atFurthest.Where(f => f.TokenFailure).Select(f => f.Error!).ToList();
        if (tokenFailures.Count == 0)
        {
            return Rename(atFurthest[0].Error!, name);
        }
        var distinct = tokenFailures.DistinctBy(e => (e.Part, e.Expected)).ToList();
        if (distinct.Count == 1)
        {
            return Rename(distinct[0], name);
        }
        var first = distinct[0];
        return new FileNameException(name, string.Join(" or ", distinct.Select(e => e.Part).Distinct()), first.Value,
            string.Join("; or ", distinct.Select(e => $"{e.Part}: {e.Expected}")), first.Position);
    }

    // Attempts read the name without its ".md5" suffix; the error should show what was given.
    private static FileNameException Rename(FileNameException error, string name) =>
        error.FileName == name ? error : new FileNameException(name, error.Part, error.Value, error.Expected, error.Position);
}
