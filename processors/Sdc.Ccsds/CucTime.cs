using System.Buffers.Binary;

namespace Sdc.Ccsds;

/// <summary>
/// A CCSDS Unsegmented Time Code (CUC, CCSDS 301.0-B-4 §3.2) as this mission's packet secondary
/// header carries it: 4 bytes of coarse time (whole seconds) and 2 bytes of fine time (units of
/// 2⁻¹⁶ s ≈ 15.3 µs), big-endian, with an implicit P-field (<see cref="PField"/>: agency-defined
/// epoch, 4+2 octets).
/// <para>
/// The mission epoch is <b>2000-01-01T00:00:00 UTC</b> and the count ignores leap seconds: every
/// UTC day is 86 400 s, as in POSIX time, so a CUC value and a UTC <see cref="DateTime"/> convert
/// exactly and without a leap-second table. (Since then 5 leap seconds have been inserted; a
/// processor that needs TAI or TDB uses the mission's LSK and SCLK kernels.)
/// </para>
/// </summary>
public readonly record struct CucTime(uint Coarse, ushort Fine) : IComparable<CucTime>
{
    /// <summary>Bytes in the time code (the T-field; the P-field is implicit).</summary>
    public const int Length = 6;

    /// <summary>
    /// The P-field that describes this code, were it sent: extension 0, time code id 001
    /// (agency-defined epoch), 3 = four coarse octets, 2 = two fine octets.
    /// </summary>
    public const byte PField = 0b0_001_11_10;

    /// <summary>Fine-time units per second.</summary>
    public const int FineUnitsPerSecond = 1 << 16;

    /// <summary>The mission epoch: 2000-01-01T00:00:00 UTC, leap seconds ignored.</summary>
    public static DateTime Epoch { get; } = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The latest time a 4-byte coarse count can hold (2136-02-07T06:28:15 UTC and 65535/65536 s).</summary>
    public static CucTime MaxValue { get; } = new(uint.MaxValue, ushort.MaxValue);

    /// <summary>Seconds since the epoch.</summary>
    public double TotalSeconds => Coarse + (Fine / (double)FineUnitsPerSecond);

    /// <summary>The time code nearest to <paramref name="time"/> (a UTC or unspecified-kind time).</summary>
    public static CucTime FromDateTime(DateTime time)
    {
        if (time.Kind == DateTimeKind.Local)
        {
            time = time.ToUniversalTime();
        }
        var ticks = time.Ticks - Epoch.Ticks;
        if (ticks < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "Times before the mission epoch 2000-01-01T00:00:00Z cannot be coded.");
        }
        var seconds = ticks / TimeSpan.TicksPerSecond;
        var rest = ticks % TimeSpan.TicksPerSecond;
        var fine = ((rest * FineUnitsPerSecond) + (TimeSpan.TicksPerSecond / 2)) / TimeSpan.TicksPerSecond;
        if (fine == FineUnitsPerSecond)
        {
            seconds++;
            fine = 0;
        }
        if (seconds > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "The time is past the range of a 4-byte coarse count.");
        }
        return new CucTime((uint)seconds, (ushort)fine);
    }

    /// <summary>The time code <paramref name="seconds"/> after the epoch, to the nearest fine unit.</summary>
    public static CucTime FromSeconds(double seconds)
    {
        if (!(seconds >= 0) || seconds >= uint.MaxValue + 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "Out of the range of a 4+2 byte CUC.");
        }
        var units = (ulong)Math.Round(seconds * FineUnitsPerSecond);
        return new CucTime((uint)(units >> 16), (ushort)(units & 0xFFFF));
    }

    /// <summary>The UTC time, to the nearest 100 ns tick (exact both ways: a fine unit is about 153 ticks).</summary>
    public DateTime ToDateTime()
    {
        var fineTicks = ((Fine * TimeSpan.TicksPerSecond) + (FineUnitsPerSecond / 2)) / FineUnitsPerSecond;
        return new DateTime(Epoch.Ticks + (Coarse * TimeSpan.TicksPerSecond) + fineTicks, DateTimeKind.Utc);
    }

    /// <summary>Adds a whole number of microseconds (the resolution of packet payload time offsets).</summary>
    public CucTime AddMicroseconds(long microseconds) =>
        FromSeconds(TotalSeconds + (microseconds / 1e6));

    public static CucTime Read(ReadOnlySpan<byte> source)
    {
        if (source.Length < Length)
        {
            throw new ArgumentException($"A CUC time code needs {Length} bytes, got {source.Length}.", nameof(source));
        }
        return new CucTime(BinaryPrimitives.ReadUInt32BigEndian(source), BinaryPrimitives.ReadUInt16BigEndian(source[4..]));
    }

    public void Write(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException($"A CUC time code needs {Length} bytes, got {destination.Length}.", nameof(destination));
        }
        BinaryPrimitives.WriteUInt32BigEndian(destination, Coarse);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], Fine);
    }

    public int CompareTo(CucTime other) =>
        Coarse != other.Coarse ? Coarse.CompareTo(other.Coarse) : Fine.CompareTo(other.Fine);

    public override string ToString() => ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static bool operator <(CucTime left, CucTime right) => left.CompareTo(right) < 0;
    public static bool operator >(CucTime left, CucTime right) => left.CompareTo(right) > 0;
    public static bool operator <=(CucTime left, CucTime right) => left.CompareTo(right) <= 0;
    public static bool operator >=(CucTime left, CucTime right) => left.CompareTo(right) >= 0;
}
