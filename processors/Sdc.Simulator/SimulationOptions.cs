namespace Sdc.Simulator;

/// <summary>
/// What to simulate. The same options give byte-identical files. <paramref name="Instruments"/>
/// are mission.yaml ids among exi, emr, emu (<see cref="ParseInstruments"/> also takes "all");
/// housekeeping (sc) and the kernels are always written. <paramref name="Start"/> is the UTC start
/// of the first orbit window; orbit windows follow each other without gaps.
/// </summary>
public sealed record SimulationOptions(
    IReadOnlyList<string> Instruments,
    DateTime Start,
    int Orbits,
    string OutputDirectory,
    long Seed = 1)
{
    public static IReadOnlyList<string> ScienceInstruments { get; } = ["exi", "emr", "emu"];

    /// <summary>Orbit number of the first window (file names carry it).</summary>
    public int FirstOrbit { get; init; } = 1;

    /// <summary>Length of one orbit window: 6 h, so a day is four orbits.</summary>
    public TimeSpan OrbitDuration { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Multiplies the number of EXI images, EMIRS scans and EMUS frames per orbit (benchmarks: 100 ≈ 0.8 GB a day, 250 ≈ 2 GB).</summary>
    public double Scale { get; init; } = 1;

    /// <summary>Faults to inject; each names its kind and, optionally, the file it hits.</summary>
    public IReadOnlyList<FaultSpec> Faults { get; init; } = [];

    /// <summary>Sequence number of the delivery record.</summary>
    public int DeliverySequence { get; init; } = 1;

    /// <summary>Edge of EXI frames, pixels (square).</summary>
    public int ExiImageSize { get; init; } = 256;

    /// <summary>Science images per filter per orbit at scale 1 (plus one dark and one flat frame per filter).</summary>
    public int ExiImagesPerFilter { get; init; } = 1;

    /// <summary>EMIRS scans per orbit at scale 1.</summary>
    public int EmirsScansPerOrbit { get; init; } = 60;

    /// <summary>EMUS frames per orbit at scale 1.</summary>
    public int EmusFramesPerOrbit { get; init; } = 40;

    /// <summary>EMUS frame length.</summary>
    public TimeSpan EmusFrameDuration { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Spacecraft housekeeping cadence.</summary>
    public TimeSpan HousekeepingInterval { get; init; } = TimeSpan.FromSeconds(16);

    /// <summary>End of the last orbit window (exclusive).</summary>
    public DateTime End => Start + (OrbitDuration * Orbits);

    /// <summary>"all" or a comma-separated list of exi, emr, emu; in mission order, without repeats.</summary>
    public static IReadOnlyList<string> ParseInstruments(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            throw new ArgumentException("No instrument given; expected exi, emr, emu or all.");
        }
        if (parts.Contains("all"))
        {
            return ScienceInstruments;
        }
        foreach (var part in parts)
        {
            if (!ScienceInstruments.Contains(part))
            {
                throw new ArgumentException($"'{part}' is not a simulated instrument; expected exi, emr, emu or all.");
            }
        }
        return [.. ScienceInstruments.Where(parts.Contains)];
    }

    /// <summary>The orbit windows, in order.</summary>
    public IReadOnlyList<OrbitWindow> Windows() =>
        [.. Enumerable.Range(0, Orbits).Select(i => new OrbitWindow(FirstOrbit + i, Start + (OrbitDuration * i), Start + (OrbitDuration * (i + 1))))];

    /// <summary>A count per orbit times <see cref="Scale"/>, at least 1.</summary>
    public int Scaled(int perOrbit) => (int)Math.Max(1, Math.Round(perOrbit * Scale));

    internal void Validate()
    {
        if (Instruments is null || Instruments.Count == 0 || Instruments.Any(i => !ScienceInstruments.Contains(i)))
        {
            throw new ArgumentException($"Instruments must be among exi, emr, emu; got {string.Join(", ", Instruments ?? [])}.");
        }
        if (Start.Kind == DateTimeKind.Local || Start < new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc))
        {
            throw new ArgumentException($"The start must be a UTC time on or after 2000-01-01 (the packet time epoch); got {Start:O}.");
        }
        if (Orbits < 1)
        {
            throw new ArgumentException($"At least one orbit is needed; got {Orbits}.");
        }
        if (FirstOrbit < 0)
        {
            throw new ArgumentException($"Orbit numbers start at 0 or more; got {FirstOrbit}.");
        }
        if (OrbitDuration < TimeSpan.FromMinutes(10) || OrbitDuration > TimeSpan.FromDays(10))
        {
            throw new ArgumentException($"An orbit window lasts 10 minutes to 10 days; got {OrbitDuration}.");
        }
        if (!(Scale > 0) || Scale > 100_000)
        {
            throw new ArgumentException($"The scale must be above 0 (and sane); got {Scale}.");
        }
        if (ExiImageSize is < 16 or > 4096 || ExiImagesPerFilter < 1 || EmirsScansPerOrbit < 1 || EmusFramesPerOrbit < 1)
        {
            throw new ArgumentException("Image size must be 16–4096 and the per-orbit counts at least 1.");
        }
        if (EmusFrameDuration <= TimeSpan.Zero || EmusFrameDuration.TotalMicroseconds > EmusMaxFrameMicroseconds)
        {
            throw new ArgumentException($"An EMUS frame lasts up to 268 s (28-bit µs offsets); got {EmusFrameDuration}.");
        }
        if (HousekeepingInterval < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException($"Housekeeping comes at most once a second; got every {HousekeepingInterval}.");
        }
        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            throw new ArgumentException("An output directory is needed.");
        }
    }

    private const double EmusMaxFrameMicroseconds = global::Sdc.Instruments.EmusPhotonEventPacket.MaxTimeOffsetMicroseconds;
}
