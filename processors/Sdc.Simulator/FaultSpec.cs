using System.Globalization;

namespace Sdc.Simulator;

/// <summary>
/// A fault to inject and the Level 0 file it hits: the <paramref name="Instrument"/>'s file
/// (exi, emr, emu, or sc for housekeeping) of orbit <paramref name="Orbit"/>. Left out, the
/// instrument is the first simulated one and the orbit the first.
/// </summary>
public sealed record FaultSpec(FaultKind Kind, string? Instrument = null, int? Orbit = null)
{
    /// <summary>The names the command line uses: truncate, bad-length, gap, bad-md5.</summary>
    public static string NameOf(FaultKind kind) => kind switch
    {
        FaultKind.Truncate => "truncate",
        FaultKind.BadLength => "bad-length",
        FaultKind.Gap => "gap",
        FaultKind.BadMd5 => "bad-md5",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Parses <c>kind[:instrument[:orbit]]</c>, e.g. <c>gap</c>, <c>truncate:emu</c>, <c>bad-md5:exi:2</c>.</summary>
    public static FaultSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        var kind = Enum.GetValues<FaultKind>().Where(k => NameOf(k) == parts[0].Trim()).Cast<FaultKind?>().FirstOrDefault()
            ?? throw new ArgumentException($"'{parts[0]}' is not a fault; expected truncate, bad-length, gap or bad-md5 (optionally :instrument[:orbit]).");
        if (parts.Length > 3)
        {
            throw new ArgumentException($"'{text}': expected kind[:instrument[:orbit]].");
        }
        string? instrument = parts.Length > 1 && parts[1].Length > 0 ? parts[1].Trim() : null;
        if (instrument is not null && instrument != "sc" && !SimulationOptions.ScienceInstruments.Contains(instrument))
        {
            throw new ArgumentException($"'{text}': '{instrument}' is not exi, emr, emu or sc.");
        }
        int? orbit = null;
        if (parts.Length > 2)
        {
            orbit = int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new ArgumentException($"'{text}': '{parts[2]}' is not an orbit number.");
        }
        return new FaultSpec(kind, instrument, orbit);
    }

    public override string ToString() =>
        NameOf(Kind) + (Instrument is null && Orbit is null ? "" : $":{Instrument}") + (Orbit is null ? "" : string.Create(CultureInfo.InvariantCulture, $":{Orbit}"));
}
