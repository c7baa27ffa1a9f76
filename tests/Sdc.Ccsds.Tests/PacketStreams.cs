namespace Sdc.Ccsds.Tests;

/// <summary>Builds packet streams for the tests with the library's own writer.</summary>
internal static class PacketStreams
{
    public static readonly CucTime Time = CucTime.FromDateTime(new DateTime(2021, 2, 24, 9, 56, 15, DateTimeKind.Utc));

    public static byte[] Write(Action<SpacePacketWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new SpacePacketWriter(buffer, leaveOpen: true))
        {
            write(writer);
        }
        return buffer.ToArray();
    }

    public static byte[] UserData(int length, int seed)
    {
        var data = new byte[length];
        for (var i = 0; i < length; i++)
        {
            data[i] = (byte)((i * 31) + seed);
        }
        return data;
    }

    public static List<(SpacePacketHeader Header, long Offset, byte[] UserData, CucTime? Time)> ReadAll(byte[] bytes, bool includeIdle = false, SequenceTracker? tracker = null)
    {
        var packets = new List<(SpacePacketHeader, long, byte[], CucTime?)>();
        foreach (var packet in SpacePacketReader.Parse(bytes, tracker, includeIdle))
        {
            packets.Add((packet.Header, packet.Offset, packet.UserData.ToArray(), packet.HasTime ? packet.Time : null));
        }
        return packets;
    }
}
