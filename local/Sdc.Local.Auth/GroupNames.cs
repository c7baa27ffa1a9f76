namespace Sdc.Local.Auth;

/// <summary>
/// The SDC's groups, the same in the Cognito user pool and the local issuer: <c>admin</c>,
/// <c>team</c>, and <c>itf-&lt;instrument&gt;</c> for each instrument team (the instruments that
/// have a processor in the mission file).
/// </summary>
public sealed class GroupNames
{
    public const string Admin = "admin";

    public const string Team = "team";

    public const string ItfPrefix = "itf-";

    private readonly HashSet<string> _accepted;

    public GroupNames(IEnumerable<string> instruments)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        Instruments = instruments.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (Instruments.Any(i => i.Length == 0 || i.Any(char.IsWhiteSpace)))
        {
            throw new ArgumentException("Instrument ids must be non-empty and free of white space.", nameof(instruments));
        }

        _accepted = [Admin, Team, .. Instruments.Select(Itf)];
    }

    /// <summary>The instrument ids an <c>itf-</c> group may name, sorted.</summary>
    public IReadOnlyList<string> Instruments { get; }

    /// <summary>Every accepted group: admin, team, then the instrument teams' groups.</summary>
    public IReadOnlyList<string> Accepted => [Admin, Team, .. Instruments.Select(Itf)];

    public static string Itf(string instrument) => ItfPrefix + instrument;

    public bool IsValid(string group) => _accepted.Contains(group);

    /// <summary>The instrument of an instrument team's group (<c>itf-exi</c> → <c>exi</c>); false for any other group.</summary>
    public bool TryGetInstrument(string group, out string instrument)
    {
        instrument = IsValid(group) && group.StartsWith(ItfPrefix, StringComparison.Ordinal) ? group[ItfPrefix.Length..] : "";
        return instrument.Length > 0;
    }

    /// <summary>Throws <see cref="InvalidGroupException"/> naming the first group that is not accepted, and the accepted forms.</summary>
    public void Validate(IEnumerable<string> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        foreach (var group in groups)
        {
            if (!IsValid(group))
            {
                throw new InvalidGroupException(
                    $"Group '{group}' is not an SDC group; accepted: {Admin}, {Team}, or {ItfPrefix}<instrument> " +
                    $"with <instrument> one of {string.Join(", ", Instruments)} ({string.Join(", ", Accepted)}).");
            }
        }
    }
}
