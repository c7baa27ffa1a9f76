using System.Globalization;
using Sdc.Catalog;

namespace Sdc.Bench;

/// <summary>
/// Deterministic, EMM-shaped catalog content and searches for <see cref="CatalogBenchmark"/>:
/// three instruments observing over four years; each observation yields an L0 science file,
/// L1 and L2 products and a quicklook; one L1/L2 product in five is reprocessed into a second or
/// third version, registered after all first versions, as a reprocessing campaign would; every
/// hundredth observation also brings a SPICE kernel covering a week to a year.
/// </summary>
internal sealed class CatalogWorkload(int rows, int seed)
{
    public static readonly DateTimeOffset MissionStart = new(2021, 2, 10, 0, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan MissionSpan = TimeSpan.FromDays(4 * 365.25);

    private static readonly string[] Instruments = ["exi", "emr", "emu"];

    private static readonly string[][] Descriptors =
    [
        ["f220", "f260", "f320", "f437", "f546", "f635"],
        ["ifg", "spe"],
        ["evt", "img", "spe"],
    ];

    // Typical observation lengths per instrument, in minutes (EXI images are short, EMIRS scans long).
    private static readonly (int Min, int Max)[] Durations = [(2, 30), (30, 240), (15, 120)];

    private static readonly string[] Levels = ["l0", "l1", "l2", "ql"];

    private static readonly (int Major, int Minor)[] Versions = [(1, 0), (1, 1), (2, 0)];

    private static readonly TimeSpan OrbitPeriod = TimeSpan.FromHours(54.5);

    // 4 first versions per observation + 2 products × (0.15 × 1 + 0.05 × 2) later versions.
    private const double RowsPerObservation = 4.5;

    // Now and then a SPICE kernel arrives: the catalog's long files (a week to a year of coverage).
    private const int KernelEvery = 100;

    private readonly int _observations = Math.Max(3, (int)Math.Ceiling(rows / RowsPerObservation));

    /// <summary>Exactly the configured number of registrations, in delivery order.</summary>
    public IEnumerable<FileRegistration> Files()
    {
        var produced = 0;
        foreach (var file in FirstVersions(0, _observations).Concat(LaterVersions()).Concat(FirstVersions(_observations, int.MaxValue)))
        {
            if (produced++ == rows)
            {
                yield break;
            }

            yield return file;
        }
    }

    /// <summary>Random searches: windows of one hour to four days, some filtered by instrument and/or level.</summary>
    public IEnumerable<FileQuery> Searches(int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var length = TimeSpan.FromHours(Math.Exp(random.NextDouble() * Math.Log(96)));
            length = TimeSpan.FromSeconds(Math.Round(length.TotalSeconds));
            var from = MissionStart + ((MissionSpan - length) * random.NextDouble());
            from = new DateTimeOffset(from.UtcTicks - (from.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            var query = new FileQuery { From = from, To = from + length };
            var instrument = Instruments[random.Next(Instruments.Length)];
            var level = Levels[random.Next(1, 3)];
            yield return random.Next(10) switch
            {
                < 4 => query,
                < 7 => query with { Instrument = instrument },
                < 9 => query with { Instrument = instrument, Level = level },
                _ => query with { Level = level },
            };
        }
    }

    private IEnumerable<FileRegistration> FirstVersions(int first, int end)
    {
        for (var i = first; i < end; i++)
        {
            var observation = Observe(i);
            foreach (var level in Levels)
            {
                yield return observation.File(level, 1, 0);
            }

            if (i % KernelEvery == 0)
            {
                yield return observation.Kernel(i / KernelEvery);
            }
        }
    }

    private IEnumerable<FileRegistration> LaterVersions()
    {
        for (var i = 0; i < _observations; i++)
        {
            var observation = Observe(i);
            var random = new Random(Mix(seed, i, -1));
            for (var product = 1; product <= 2; product++)
            {
                var versions = random.Next(100) switch { < 80 => 1, < 95 => 2, _ => 3 };
                for (var v = 1; v < versions; v++)
                {
                    yield return observation.File(Levels[product], Versions[v].Major, Versions[v].Minor);
                }
            }
        }
    }

    private Observation Observe(int index)
    {
        var random = new Random(Mix(seed, index, 0));
        var instrument = index % Instruments.Length;
        var perInstrument = Math.Max(1, _observations / Instruments.Length);
        var slot = MissionSpan / perInstrument;
        // Observations past the planned count (only when later versions fall short of the rows
        // asked for) simply continue after the four years.
        var offset = (MissionSpan * ((double)(index / Instruments.Length) / perInstrument))
                     + (slot / 2 * random.NextDouble());
        var start = MissionStart + offset;
        start = new DateTimeOffset(start.UtcTicks - (start.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var (min, max) = Durations[instrument];
        // One observation in fifty is a day-long product (e.g. a daily mosaic or spectral cube).
        var minutes = random.Next(50) == 0 ? 24 * 60 : random.Next(min, max + 1);
        return new Observation(
            Mix(seed, index, 1),
            Instruments[instrument],
            Descriptors[instrument][random.Next(Descriptors[instrument].Length)],
            start,
            start + TimeSpan.FromMinutes(minutes),
            1 + (int)((start - MissionStart) / OrbitPeriod));
    }

    /// <summary>A stable seed from a few integers (HashCode.Combine differs from run to run).</summary>
    private static int Mix(int a, int b, int c)
    {
        unchecked
        {
            var h = (uint)a * 0x9E3779B1u;
            h = (h ^ (uint)b) * 0x85EBCA77u;
            h = (h ^ (uint)c) * 0xC2B2AE3Du;
            return (int)(h ^ (h >> 16));
        }
    }

    private sealed record Observation(int Seed, string Instrument, string Descriptor, DateTimeOffset Start, DateTimeOffset End, int Orbit)
    {
        public FileRegistration File(string level, int major, int minor)
        {
            // Each file's size and checksums come from its own seed, whichever pass makes it.
            var random = new Random(Mix(Seed, Array.IndexOf(Levels, level), (major * 100) + minor));
            var descriptor = level == "l0" ? "sci" : Descriptor;
            var logical = string.Create(CultureInfo.InvariantCulture, $"emm_{Instrument}_{level}_{Start:yyyyMMdd'T'HHmmss}_{Orbit:0000}_{descriptor}");
            var extension = level switch { "l0" => "dat", "ql" => "png", _ => "fits" };
            return new FileRegistration
            {
                Bucket = "sdc-archive",
                Key = string.Create(CultureInfo.InvariantCulture, $"{Instrument}/{level}/{Start:yyyy/MM/dd}/{logical}_v{major:00}-{minor:00}.{extension}"),
                Kind = level switch { "l0" => FileKind.Science, "ql" => FileKind.Quicklook, _ => FileKind.Product },
                Instrument = Instrument,
                Level = level,
                Descriptor = descriptor,
                StartTime = Start,
                EndTime = End,
                Orbit = Orbit,
                LogicalId = logical,
                VersionMajor = major,
                VersionMinor = minor,
                SizeBytes = random.NextInt64(50_000, 200_000_000),
                Md5 = Hex(random, 16),
                Sha256 = Hex(random, 32),
            };
        }

        public FileRegistration Kernel(int number)
        {
            var random = new Random(Mix(Seed, 7, number));
            var (type, extension) = random.Next(2) == 0 ? ("spk", "bsp") : ("ck", "bc");
            var end = Start + TimeSpan.FromDays(random.Next(7, 366));
            var name = string.Create(CultureInfo.InvariantCulture, $"emm_{type}_{Start:yyyyMMdd}_{end:yyyyMMdd}_v{number:00000}.{extension}");
            return new FileRegistration
            {
                Bucket = "sdc-archive",
                Key = $"kernels/{type}/{name}",
                Kind = FileKind.Kernel,
                StartTime = Start,
                EndTime = end,
                SizeBytes = random.NextInt64(10_000, 500_000_000),
                Md5 = Hex(random, 16),
                Sha256 = Hex(random, 32),
            };
        }

        private static string Hex(Random random, int bytes)
        {
            Span<byte> buffer = stackalloc byte[bytes];
            random.NextBytes(buffer);
            return Convert.ToHexStringLower(buffer);
        }
    }
}
