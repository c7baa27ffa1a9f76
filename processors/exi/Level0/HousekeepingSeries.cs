using Sdc.Ccsds;
using Sdc.Instruments;

namespace Sdc.Processors.Exi.Level0;

/// <summary>
/// Spacecraft housekeeping samples (APID 0x010) in time order, from one or more <c>sc</c> Level 0
/// files, for finding the sample nearest to an exposure.
/// </summary>
public sealed class HousekeepingSeries
{
    private readonly List<HousekeepingSample> _samples;

    private HousekeepingSeries(List<HousekeepingSample> samples, IReadOnlyList<SequenceGap> gaps)
    {
        _samples = samples;
        Gaps = gaps;
    }

    public static HousekeepingSeries Empty { get; } = new([], []);

    public IReadOnlyList<HousekeepingSample> Samples => _samples;

    public IReadOnlyList<SequenceGap> Gaps { get; }

    /// <summary>Reads the housekeeping packets of <paramref name="stream"/> (left open; <paramref name="source"/> names it); other APIDs are skipped.</summary>
    /// <exception cref="CcsdsFormatException">The bytes are not a packet stream.</exception>
    /// <exception cref="ExiTileFormatException">A housekeeping payload is malformed.</exception>
    public static async Task<HousekeepingSeries> DecodeAsync(Stream stream, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new SpacePacketReader(stream, leaveOpen: true);
        var samples = new List<HousekeepingSample>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } packet)
        {
            if (packet.Header.Apid != HousekeepingPacket.Apid || !packet.HasTime)
            {
                continue;
            }
            try
            {
                samples.Add(new HousekeepingSample(packet.Time.ToDateTime(), HousekeepingPacket.Decode(packet.UserData.Span), source));
            }
            catch (PayloadFormatException e)
            {
                throw new ExiTileFormatException(packet.Offset, e.Message, e);
            }
        }
        samples.Sort((a, b) => a.Time.CompareTo(b.Time));
        return new HousekeepingSeries(samples, [.. reader.Sequence.Gaps]);
    }

    /// <summary>All samples of several series, in time order.</summary>
    public static HousekeepingSeries Combine(IEnumerable<HousekeepingSeries> series)
    {
        var all = series.SelectMany(s => s.Samples).OrderBy(s => s.Time).ToList();
        return new HousekeepingSeries(all, []);
    }

    /// <summary>The sample nearest to <paramref name="time"/> if one lies within <paramref name="maxDistance"/> (the earlier on a tie).</summary>
    public HousekeepingSample? Nearest(DateTime time, TimeSpan maxDistance)
    {
        if (_samples.Count == 0)
        {
            return null;
        }
        var index = _samples.BinarySearch(new HousekeepingSample(time, default, ""), Comparer<HousekeepingSample>.Create((a, b) => a.Time.CompareTo(b.Time)));
        if (index < 0)
        {
            index = ~index;
        }
        HousekeepingSample? best = null;
        foreach (var candidate in new[] { index - 1, index })
        {
            if (candidate >= 0 && candidate < _samples.Count && (best is null || (_samples[candidate].Time - time).Duration() < (best.Value.Time - time).Duration()))
            {
                best = _samples[candidate];
            }
        }
        return best is { } found && (found.Time - time).Duration() <= maxDistance ? found : null;
    }
}
