using System.Buffers.Binary;

namespace Sdc.Instruments;

/// <summary>
/// Spacecraft housekeeping (instrument <c>sc</c>), APID 0x010: one <see cref="HousekeepingRecord"/>
/// per packet. Layout (after the 6-byte time code, big-endian):
/// <code>
///  0  u16  bus voltage, mV          8  i16  battery temperature, 0.01 °C   16  u8  EXI mode
///  2  u16  battery voltage, mV     10  i16  EXI temperature, 0.01 °C       17  u8  EMIRS mode
///  4  u16  bus current, mA         12  i16  EMIRS detector, 0.01 °C        18  u8  EMUS mode
///  6  i16  panel temperature,      14  i16  EMUS detector, 0.01 °C         19  u8  reserved (0)
///          0.01 °C
/// </code>
/// </summary>
public static class HousekeepingPacket
{
    public const int Apid = 0x010;

    public const int PayloadLength = 20;

    public static int Encode(in HousekeepingRecord record, Span<byte> destination)
    {
        if (destination.Length < PayloadLength)
        {
            throw new ArgumentException($"A housekeeping packet needs {PayloadLength} bytes, got {destination.Length}.", nameof(destination));
        }
        BinaryPrimitives.WriteUInt16BigEndian(destination, Unsigned(record.BusVoltage * 1000, nameof(record.BusVoltage)));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Unsigned(record.BatteryVoltage * 1000, nameof(record.BatteryVoltage)));
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], Unsigned(record.BusCurrent * 1000, nameof(record.BusCurrent)));
        BinaryPrimitives.WriteInt16BigEndian(destination[6..], Signed(record.PanelTemperatureC * 100, nameof(record.PanelTemperatureC)));
        BinaryPrimitives.WriteInt16BigEndian(destination[8..], Signed(record.BatteryTemperatureC * 100, nameof(record.BatteryTemperatureC)));
        BinaryPrimitives.WriteInt16BigEndian(destination[10..], Signed(record.ExiTemperatureC * 100, nameof(record.ExiTemperatureC)));
        BinaryPrimitives.WriteInt16BigEndian(destination[12..], Signed(record.EmirsDetectorTemperatureC * 100, nameof(record.EmirsDetectorTemperatureC)));
        BinaryPrimitives.WriteInt16BigEndian(destination[14..], Signed(record.EmusDetectorTemperatureC * 100, nameof(record.EmusDetectorTemperatureC)));
        destination[16] = Mode(record.ExiMode);
        destination[17] = Mode(record.EmirsMode);
        destination[18] = Mode(record.EmusMode);
        destination[19] = 0;
        return PayloadLength;
    }

    public static HousekeepingRecord Decode(ReadOnlySpan<byte> payload)
    {
        PayloadFormatException.RequireLength(payload, PayloadLength, "housekeeping packet");
        return new HousekeepingRecord(
            BinaryPrimitives.ReadUInt16BigEndian(payload) / 1000.0,
            BinaryPrimitives.ReadUInt16BigEndian(payload[2..]) / 1000.0,
            BinaryPrimitives.ReadUInt16BigEndian(payload[4..]) / 1000.0,
            BinaryPrimitives.ReadInt16BigEndian(payload[6..]) / 100.0,
            BinaryPrimitives.ReadInt16BigEndian(payload[8..]) / 100.0,
            BinaryPrimitives.ReadInt16BigEndian(payload[10..]) / 100.0,
            BinaryPrimitives.ReadInt16BigEndian(payload[12..]) / 100.0,
            BinaryPrimitives.ReadInt16BigEndian(payload[14..]) / 100.0,
            ReadMode(payload[16]),
            ReadMode(payload[17]),
            ReadMode(payload[18]));
    }

    private static ushort Unsigned(double value, string field)
    {
        var rounded = Math.Round(value);
        return rounded is >= 0 and <= ushort.MaxValue
            ? (ushort)rounded
            : throw new ArgumentOutOfRangeException(field, value / 1000, "Out of the range a 16-bit milli-unit field holds (0–65.535).");
    }

    private static short Signed(double value, string field)
    {
        var rounded = Math.Round(value);
        return rounded is >= short.MinValue and <= short.MaxValue
            ? (short)rounded
            : throw new ArgumentOutOfRangeException(field, value / 100, "Out of the range a 16-bit centi-degree field holds (±327.67 °C).");
    }

    private static byte Mode(InstrumentMode mode) =>
        Enum.IsDefined(mode) ? (byte)mode : throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown instrument mode.");

    private static InstrumentMode ReadMode(byte value) =>
        value <= (byte)InstrumentMode.Safe ? (InstrumentMode)value : throw new PayloadFormatException($"Housekeeping: instrument mode {value} is not 0–4.");
}
