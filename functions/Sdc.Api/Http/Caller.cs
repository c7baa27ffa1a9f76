namespace Sdc.Api.Http;

/// <summary>
/// Who is calling, from the token's claims (<c>cognito:username</c>, <c>cognito:groups</c>), or
/// <see cref="Anonymous"/>. Groups: <c>admin</c> (everything), <c>team</c> (all data and runs),
/// <c>itf-&lt;instrument&gt;</c> (that instrument's data, logs, uploads and reprocessing).
/// </summary>
public sealed record Caller(string? Username, IReadOnlyList<string> Groups)
{
    public const string AdminGroup = "admin";
    public const string TeamGroup = "team";
    public const string InstrumentTeamPrefix = "itf-";

    public static Caller Anonymous { get; } = new(null, []);

    public bool IsSignedIn => Username is not null;

    public bool IsAdmin => Groups.Contains(AdminGroup);

    /// <summary>Admin or team: sees every instrument.</summary>
    public bool IsStaff => IsAdmin || Groups.Contains(TeamGroup);

    /// <summary>The instruments whose team (<c>itf-&lt;id&gt;</c>) the caller is in.</summary>
    public IReadOnlyList<string> InstrumentTeams =>
        [.. Groups.Where(g => g.StartsWith(InstrumentTeamPrefix, StringComparison.Ordinal) && g.Length > InstrumentTeamPrefix.Length)
            .Select(g => g[InstrumentTeamPrefix.Length..])];

    /// <summary>Staff or an instrument team: may reach the data routes at all.</summary>
    public bool IsDataUser => IsStaff || InstrumentTeams.Count > 0;

    /// <summary>May see <paramref name="instrument"/>'s data (null: mission-wide files such as kernels).</summary>
    public bool MayRead(string? instrument) =>
        IsStaff || (IsDataUser && (instrument is null || InstrumentTeams.Contains(instrument, StringComparer.Ordinal)));

    /// <summary>May act for <paramref name="instrument"/>: reprocess it, upload its Level 3 products.</summary>
    public bool MayActFor(string instrument) =>
        IsStaff || InstrumentTeams.Contains(instrument, StringComparer.Ordinal);
}
