namespace Sdc.Catalog.Engines;

/// <summary>
/// The catalog's time representation: BIGINT microseconds since 1970-01-01T00:00:00Z. Integers
/// sort, index and compare the same on both engines and round-trip exactly, at PostgreSQL's
/// own timestamp precision.
/// </summary>
internal static class UtcMicros
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>One day in the stored unit.</summary>
    public const long PerDay = TimeSpan.TicksPerDay / TicksPerMicrosecond;

    public static long From(DateTimeOffset value, string name)
    {
        var ticks = value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        if (ticks % TicksPerMicrosecond != 0)
        {
            throw new ArgumentException($"{name} {value:O} is finer than a microsecond, the catalog's time precision.", name);
        }

        return ticks / TicksPerMicrosecond;
    }

    public static long? From(DateTimeOffset? value, string name) => value is { } v ? From(v, name) : null;

    /// <summary>For "now"-style stamps the catalog sets itself: truncated, never rejected.</summary>
    public static long Truncate(DateTimeOffset value) =>
        (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerMicrosecond;

    public static DateTimeOffset ToDateTimeOffset(long micros) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (micros * TicksPerMicrosecond), TimeSpan.Zero);

    public static DateTimeOffset? ToDateTimeOffset(long? micros) => micros is { } m ? ToDateTimeOffset(m) : null;

    /// <summary>The earliest and latest instants DateTimeOffset can hold, as open search bounds.</summary>
    public static long Min => Truncate(DateTimeOffset.MinValue);

    public static long Max => Truncate(DateTimeOffset.MaxValue);
}
