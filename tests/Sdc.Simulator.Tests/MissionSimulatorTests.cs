using System.Security.Cryptography;
using System.Text.Json;
using Sdc.Ccsds;
using Sdc.Instruments;
using Sdc.Mission;
using Sdc.Mission.Delivery;
using Sdc.Simulator.Kernels;

namespace Sdc.Simulator.Tests;

public class MissionSimulatorTests(OneDayFixture day) : IClassFixture<OneDayFixture>
{
    private static readonly Sdc.Mission.Mission Mission = RepositoryFiles.Mission;

    [Fact]
    public void RunAsync_OneDayAllInstruments_WritesTenToThirtyMegabytes()
    {
        Assert.InRange(day.Result.TotalBytes, 10_000_000, 30_000_000);
        Assert.Equal(12, day.Files(SimulatedFileKind.Science).Count());
        Assert.Equal(4, day.Files(SimulatedFileKind.Housekeeping).Count());
        Assert.Equal(Mission.Kernels.Count, day.Files(SimulatedFileKind.Kernel).Count());
        Assert.Equal(7, day.Files(SimulatedFileKind.Calibration).Count());
        Assert.Equal(SimulatedFileKind.DeliveryRecord, day.Result.Files[^1].Kind);
    }

    [Fact]
    public void RunAsync_EveryFileName_ParsesByTheMissionRules()
    {
        foreach (var file in day.Result.Files)
        {
            var name = Mission.ParseFileName(file.Name);
            Assert.Equal(file.Name, Mission.FormatFileName(name));
            switch (file.Kind)
            {
                case SimulatedFileKind.Science or SimulatedFileKind.Housekeeping:
                    Assert.Equal((FileNameKind.Product, "l0", file.Instrument, file.Orbit), (name.Kind, name.Level, name.Instrument, name.Orbit));
                    Assert.Equal(file.Kind == SimulatedFileKind.Science ? "sci" : "hsk", name.Descriptor);
                    Assert.Equal(day.Options.Windows().Single(w => w.Orbit == file.Orbit).Start, name.Start);
                    break;
                case SimulatedFileKind.Kernel:
                    Assert.Equal(FileNameKind.Kernel, name.Kind);
                    Assert.Equal((new DateOnly(2021, 2, 24), new DateOnly(2021, 2, 24)), (name.CoverageFrom, name.CoverageTo));
                    break;
                case SimulatedFileKind.Calibration:
                    Assert.Equal((FileNameKind.Calibration, new DateOnly(2021, 2, 24)), (name.Kind, name.ValidFrom));
                    Assert.Contains(name.Descriptor, Mission.FindInstrument(name.Instrument!)!.Calibration);
                    break;
                default:
                    Assert.Equal((FileNameKind.Delivery, 1, new DateTime(2021, 2, 25, 0, 0, 0, DateTimeKind.Utc)), (name.Kind, name.Sequence, name.Start));
                    break;
            }
        }
        Assert.Equal(["emr", "emu", "exi", "sc"], day.Files(SimulatedFileKind.Science).Concat(day.Files(SimulatedFileKind.Housekeeping)).Select(f => f.Instrument).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(day.Result.Files.Count, Directory.GetFiles(day.Directory).Length);
    }

    [Fact]
    public void RunAsync_DeliveryRecord_ListsEveryOtherFileWithItsSizeAndMd5()
    {
        using var stream = File.OpenRead(day.Result.DeliveryRecord.Path);
        var record = DeliveryRecord.Read(stream);

        Assert.Equal(day.Result.DeliveryRecord.Name, record.Record);
        Assert.Equal(OneDayFixture.Start.AddDays(1), record.Created);
        Assert.Equal(day.Result.Files.SkipLast(1).Select(f => f.Name).Order(StringComparer.Ordinal), record.Files.Select(f => f.Name));
        foreach (var entry in record.Files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(day.Directory, entry.Name));
            Assert.Equal(bytes.Length, entry.Size);
            Assert.Equal(Convert.ToHexStringLower(MD5.HashData(bytes)), entry.Md5);
        }
    }

    [Fact]
    public void RunAsync_DeliveryRecord_HasTheDocumentedJsonShape()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(day.Result.DeliveryRecord.Path));
        var root = document.RootElement;

        Assert.Equal(["record", "created", "files"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2021-02-25T00:00:00Z", root.GetProperty("created").GetString());
        var first = root.GetProperty("files")[0];
        Assert.Equal(["name", "size", "md5"], first.EnumerateObject().Select(p => p.Name));
        Assert.Matches("^[0-9a-f]{32}$", first.GetProperty("md5").GetString());
    }

    [Fact]
    public void RunAsync_EveryKernelType_HasCoverageReadableFromItsHeader()
    {
        var kernels = day.Files(SimulatedFileKind.Kernel).ToList();

        foreach (var type in Mission.Kernels)
        {
            var file = Assert.Single(kernels, k => Mission.ParseFileName(k.Name).KernelType == type.Id);
            var coverage = KernelCoverage.ReadFile(file.Path);
            Assert.Equal((OneDayFixture.Start, OneDayFixture.Start.AddDays(1)), (coverage.Start, coverage.End));
            var binary = Mission.ParseFileName(file.Name).Extension!.StartsWith('b');
            Assert.Equal(binary, coverage.IsBinary);
            Assert.Equal((binary ? "DAF/" : "KPL/") + type.Id.ToUpperInvariant(), coverage.Format);
        }
    }

    [Fact]
    public void RunAsync_BinaryKernels_StartWithADafFileRecord()
    {
        foreach (var file in day.Files(SimulatedFileKind.Kernel).Where(k => k.Name.EndsWith(".bsp", StringComparison.Ordinal) || k.Name.EndsWith(".bc", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(file.Path);
            var id = System.Text.Encoding.ASCII.GetString(bytes, 0, 8);
            Assert.True(id is "DAF/SPK " or "DAF/CK  ", id);
            Assert.Equal("LTL-IEEE", System.Text.Encoding.ASCII.GetString(bytes, 88, 8));
            Assert.Equal("FTPSTR:", System.Text.Encoding.ASCII.GetString(bytes, 699, 7));
            Assert.Equal(0, bytes.Length % 1024);
            var forward = BitConverter.ToInt32(bytes, 76);
            Assert.Equal(bytes.Length / 1024, forward + 1);
        }
    }

    [Fact]
    public void RunAsync_TextKernels_StartWithKplLine()
    {
        foreach (var file in day.Files(SimulatedFileKind.Kernel).Where(k => !Mission.ParseFileName(k.Name).Extension!.StartsWith('b')))
        {
            var text = File.ReadAllText(file.Path);
            Assert.StartsWith("KPL/", text, StringComparison.Ordinal);
            Assert.Contains("\\begindata", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RunAsync_LevelZeroFiles_ReadWithoutErrorsOrGapsOnTheirApidInsideTheirWindow()
    {
        foreach (var file in day.Files(SimulatedFileKind.Science).Concat(day.Files(SimulatedFileKind.Housekeeping)))
        {
            var window = day.Options.Windows().Single(w => w.Orbit == file.Orbit);
            using var reader = new SpacePacketReader(File.OpenRead(file.Path));
            var packets = 0;
            while (reader.TryRead(out var packet))
            {
                Assert.Equal(InstrumentApids.ApidFor(file.Instrument!), packet.Header.Apid);
                Assert.InRange(packet.Time.ToDateTime(), window.Start, window.End);
                packets++;
            }
            Assert.Empty(reader.Sequence.Gaps);
            Assert.Equal(file.Size, reader.Position);
            Assert.True(packets > 0);
        }
    }

    [Fact]
    public void RunAsync_Housekeeping_ReportsSimulatedInstrumentsInScienceMode()
    {
        var file = day.Files(SimulatedFileKind.Housekeeping).First();
        var bytes = File.ReadAllBytes(file.Path);

        var count = 0;
        foreach (var packet in SpacePacketReader.Parse(bytes))
        {
            var record = HousekeepingPacket.Decode(packet.UserData.Span);
            Assert.Equal((InstrumentMode.Science, InstrumentMode.Science, InstrumentMode.Science), (record.ExiMode, record.EmirsMode, record.EmusMode));
            Assert.InRange(record.BusVoltage, 27, 29);
            count++;
        }

        Assert.Equal((int)(day.Options.OrbitDuration / day.Options.HousekeepingInterval), count);
    }
}
