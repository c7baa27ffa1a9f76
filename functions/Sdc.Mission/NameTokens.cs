using System.Globalization;

namespace Sdc.Mission;

/// <summary>
/// The placeholders a naming pattern in mission.yaml may use. Their meaning is fixed here; their
/// order, separators and literals are the mission's, in its patterns.
/// </summary>
internal static class NameTokens
{
    private const string TimeFormat = "yyyyMMdd'T'HHmmss";
    private const string DateFormat = "yyyyMMdd";

    public static readonly IReadOnlyDictionary<string, NameToken> All = new NameToken[]
    {
        new Choice("mission", "mission id",
            (_, m) => [m.Id], (f, _) => f.Mission, (f, v) => f with { Mission = v }),
        new Choice("instrument", "instrument",
            (_, m) => m.Instruments.Select(i => i.Id), (f, _) => f.Instrument, (f, v) => f with { Instrument = v }),
        new Choice("level", "level",
            (_, m) => m.Levels.Select(l => l.Id), (f, _) => f.Level, (f, v) => f with { Level = v }),
        new Choice("kernel", "kernel type",
            (_, m) => m.Kernels.Select(k => k.Id), (f, _) => f.KernelType, (f, v) => f with { KernelType = v }),
        new Choice("descriptor", "descriptor", AllowedDescriptors, (f, _) => f.Descriptor, (f, v) => f with { Descriptor = v }),
        new Choice("ext", "extension", AllowedExtensions, (f, _) => f.Extension, (f, v) => f with { Extension = v }),
        new Time("start"),
        new Date("valid", "valid-from date", f => f.ValidFrom, (f, d) => f with { ValidFrom = d }),
        new Date("from", "coverage start date", f => f.CoverageFrom, (f, d) => f with { CoverageFrom = d }),
        new Date("to", "coverage end date", f => f.CoverageTo, (f, d) => f with { CoverageTo = d }),
        new Digits("orbit", "orbit number", m => m.OrbitDigits, f => f.Orbit, (f, n) => f with { Orbit = n }),
        new Digits("sequence", "sequence number", _ => 4, f => f.Sequence, (f, n) => f with { Sequence = n }),
        new Version(),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    private static IEnumerable<string> AllowedDescriptors(MissionFileName fields, Mission mission)
    {
        var instrument = fields.Instrument is null ? null : mission.FindInstrument(fields.Instrument);
        if (instrument is null)
        {
            return mission.Instruments.SelectMany(i => i.Descriptors.Concat(i.Calibration)).Distinct();
        }
        return fields.Kind == FileNameKind.Calibration ? instrument.Calibration : instrument.Descriptors;
    }

    private static IEnumerable<string> AllowedExtensions(MissionFileName fields, Mission mission) => fields.Kind switch
    {
        FileNameKind.Calibration => mission.CalibrationExtensions,
        FileNameKind.Kernel when fields.KernelType is { } k => mission.FindKernel(k)?.Extensions ?? [],
        FileNameKind.Product when fields.Level is { } l => mission.FindLevel(l)?.Extensions ?? [],
        _ => mission.Levels.SelectMany(l => l.Extensions).Concat(mission.CalibrationExtensions).Concat(mission.Kernels.SelectMany(k => k.Extensions)).Distinct(),
    };

    private sealed class Choice(
        string name,
        string description,
        Func<MissionFileName, Mission, IEnumerable<string>> allowed,
        Func<MissionFileName, Mission, string?> get,
        Func<MissionFileName, string, MissionFileName> set) : NameToken(name)
    {
        public override string Description => description;

        public override MissionFileName? Read(string text, MissionFileName fields, Mission mission, out string expected)
        {
            var options = allowed(fields, mission).ToList();
            expected = options.Count switch
            {
                0 => $"no {description} (none is allowed here)",
                1 => $"'{options[0]}'",
                _ => "one of " + string.Join(", ", options),
            };
            return options.Contains(text, StringComparer.Ordinal) ? set(fields, text) : null;
        }

        public override string? Write(MissionFileName fields, Mission mission) => get(fields, mission);
    }

    private sealed class Time(string name) : NameToken(name)
    {
        public override string Description => "start time";

        public override MissionFileName? Read(string text, MissionFileName fields, Mission mission, out string expected)
        {
            expected = "a UTC time as yyyyMMddTHHmmss, e.g. 20210224T095615";
            return DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
                ? fields with { Start = DateTime.SpecifyKind(time, DateTimeKind.Utc) }
                : null;
        }

        public override string? Write(MissionFileName fields, Mission mission) =>
            fields.Start?.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture);
    }

    private sealed class Date(
        string name,
        string description,
        Func<MissionFileName, DateOnly?> get,
        Func<MissionFileName, DateOnly, MissionFileName> set) : NameToken(name)
    {
        public override string Description => description;

        public override MissionFileName? Read(string text, MissionFileName fields, Mission mission, out string expected)
        {
            expected = "a UTC date as yyyyMMdd, e.g. 20210224";
            if (!DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return null;
            }
            // A coverage that ends before it starts is a typo, not a kernel anyone can use.
            if (Name == "to" && fields.CoverageFrom is { } from && date < from)
            {
                expected = $"a date on or after the coverage start {from.ToString(DateFormat, CultureInfo.InvariantCulture)}";
                return null;
            }
            return set(fields, date);
        }

        public override string? Write(MissionFileName fields, Mission mission) =>
            get(fields)?.ToString(DateFormat, CultureInfo.InvariantCulture);
    }

    private sealed class Digits(
        string name,
        string description,
        Func<Mission, int> width,
        Func<MissionFileName, int?> get,
        Func<MissionFileName, int, MissionFileName> set) : NameToken(name)
    {
        public override string Description => description;

        public override MissionFileName? Read(string text, MissionFileName fields, Mission mission, out string expected)
        {
            var digits = width(mission);
            expected = $"{digits} digits, e.g. {1.ToString(new string('0', digits), CultureInfo.InvariantCulture)}";
            return text.Length == digits && text.All(char.IsAsciiDigit)
                ? set(fields, int.Parse(text, CultureInfo.InvariantCulture))
                : null;
        }

        public override string? Write(MissionFileName fields, Mission mission)
        {
            var value = get(fields);
            if (value is null)
            {
                return null;
            }
            var digits = width(mission);
            var text = value.Value.ToString(new string('0', digits), CultureInfo.InvariantCulture);
            if (value < 0 || text.Length != digits)
            {
                throw new ArgumentOutOfRangeException(nameof(fields), value, $"The {description} must fit in {digits} digits.");
            }
            return text;
        }
    }

    private sealed class Version() : NameToken("version")
    {
        public override MissionFileName? Read(string text, MissionFileName fields, Mission mission, out string expected)
        {
            expected = "major-minor as two digits each, e.g. 03-01";
            return ProductVersion.TryParse(text, out var version) ? fields with { Version = version } : null;
        }

        public override string? Write(MissionFileName fields, Mission mission)
        {
            if (fields.Version is not { } version)
            {
                return null;
            }
            if (version.Major is < 0 or > ProductVersion.MaxPart || version.Minor is < 0 or > ProductVersion.MaxPart)
            {
                throw new ArgumentOutOfRangeException(nameof(fields), version, "Version parts must be between 0 and 99.");
            }
            return version.ToString();
        }
    }
}
