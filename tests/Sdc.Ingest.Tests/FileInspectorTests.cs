using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Sdc.Ccsds;
using Sdc.Ingest.Integrity;

namespace Sdc.Ingest.Tests;

public sealed partial class FileInspectorTests
{
    private static Task<Inspection> InspectAsync(byte[] bytes, ContentFormat format, string? kernelType = null, string extension = "dat", Expectation? expected = null) =>
        FileInspector.InspectAsync(new MemoryStream(bytes), "f", format, kernelType, extension, expected, CancellationToken.None);

    private static byte[] Packets(int count, int apid = 0x110, int skip = -1)
    {
        using var stream = new MemoryStream();
        using (var writer = new SpacePacketWriter(stream, leaveOpen: true))
        {
            for (var i = 0; i < count; i++)
            {
                if (i != skip)
                {
                    writer.Write(apid, CucTime.FromDateTime(new DateTime(2021, 2, 24, 0, 0, i, DateTimeKind.Utc)), new byte[20]);
                }
                else
                {
                    writer.SkipSequenceCount(apid, 1);
                }
            }
        }
        return stream.ToArray();
    }

    [Fact]
    public async Task InspectAsync_GoodPackets_HashesEveryByteAndReadsTheTimeRange()
    {
        var bytes = Packets(10);

        var inspection = await InspectAsync(bytes, ContentFormat.Packets);

        Assert.True(inspection.Passed);
        Assert.Equal((bytes.LongLength, Convert.ToHexStringLower(MD5.HashData(bytes)), Convert.ToHexStringLower(SHA256.HashData(bytes))),
            (inspection.Size, inspection.Md5, inspection.Sha256));
        Assert.Equal(new DateTimeOffset(2021, 2, 24, 0, 0, 0, TimeSpan.Zero), inspection.Start);
        Assert.Equal(new DateTimeOffset(2021, 2, 24, 0, 0, 9, TimeSpan.Zero), inspection.End);
        Assert.Empty(inspection.Remarks);
    }

    [Fact]
    public async Task InspectAsync_PacketLengthPastTheEnd_FailsAtThatPacketsOffset()
    {
        var bytes = Packets(3);
        var lastPacket = bytes.Length / 3 * 2;
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(lastPacket + 4), 500);

        var inspection = await InspectAsync(bytes, ContentFormat.Packets);

        Assert.Equal((IntegrityCheck.Packets, "INT-E004"), (inspection.Failure!.Check, inspection.Failure.Code));
        Assert.Contains($"at byte {lastPacket}", inspection.Failure.Actual, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), inspection.Sha256);
    }

    [Fact]
    public async Task InspectAsync_SequenceGap_PassesWithARemark()
    {
        var inspection = await InspectAsync(Packets(10, skip: 4), ContentFormat.Packets);

        Assert.True(inspection.Passed);
        Assert.Contains("1 packets missing", Assert.Single(inspection.Remarks), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InspectAsync_SizeAndMd5BothWrong_ReportsSizeFirst()
    {
        var bytes = Packets(4);

        var sizeWrong = await InspectAsync(bytes, ContentFormat.Packets, expected: new Expectation(bytes.Length + 1, new string('0', 32), "record r"));
        var md5Wrong = await InspectAsync(bytes, ContentFormat.Packets, expected: new Expectation(bytes.Length, new string('0', 32), "record r"));
        var right = await InspectAsync(bytes, ContentFormat.Packets, expected: new Expectation(bytes.Length, Convert.ToHexString(MD5.HashData(bytes)), "record r"));

        Assert.Equal(IntegrityCheck.Size, sizeWrong.Failure!.Check);
        Assert.Equal(($"{bytes.Length + 1} bytes", $"{bytes.Length} bytes"), (sizeWrong.Failure.Expected, sizeWrong.Failure.Actual));
        Assert.Equal(IntegrityCheck.Md5, md5Wrong.Failure!.Check);
        Assert.Contains("record r", md5Wrong.Failure.Message, StringComparison.Ordinal);
        Assert.True(right.Passed);
    }

    [Theory]
    [InlineData("KPL/LSK\n\\begindata\n", "lsk", "tls", true)]
    [InlineData("KPL/FK \n", "fk", "tf", true)]
    [InlineData("KPL/SCLK\n", "lsk", "tls", false)]
    [InlineData("KPL/LSKX\n", "lsk", "tls", false)]
    [InlineData("hello\n", "pck", "tpc", false)]
    public async Task InspectAsync_TextKernel_ChecksTheHeaderAgainstTheType(string text, string type, string extension, bool passes)
    {
        var inspection = await InspectAsync(Encoding.ASCII.GetBytes(text), ContentFormat.Kernel, type, extension);

        Assert.Equal(passes, inspection.Passed);
        Assert.Equal(passes ? null : "INT-E005", inspection.Failure?.Code);
    }

    [Fact]
    public async Task InspectAsync_BinaryKernel_ChecksTypeFormatRecordsAndFtpString()
    {
        var good = new byte[2048];
        Encoding.ASCII.GetBytes("DAF/SPK ").CopyTo(good, 0);
        Encoding.ASCII.GetBytes("LTL-IEEE").CopyTo(good, 88);
        byte[] ftp = [.. "FTPSTR:\r:\n:\r\n:\r"u8, 0x00, .. ":"u8, 0x81, .. ":"u8, 0x10, 0xCE, .. ":ENDFTP"u8];
        ftp.CopyTo(good, 699);
        var asciiMangled = (byte[])good.Clone();
        asciiMangled[699 + 8] = (byte)'\n';
        var cut = good[..1500];

        Assert.True((await InspectAsync(good, ContentFormat.Kernel, "spk", "bsp")).Passed);
        Assert.Contains("DAF/CK", (await InspectAsync(good, ContentFormat.Kernel, "ck", "bc")).Failure!.Expected, StringComparison.Ordinal);
        Assert.Contains("FTP", (await InspectAsync(asciiMangled, ContentFormat.Kernel, "spk", "bsp")).Failure!.Expected, StringComparison.Ordinal);
        Assert.Contains("1024-byte", (await InspectAsync(cut, ContentFormat.Kernel, "spk", "bsp")).Failure!.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InspectAsync_Fits_ChecksSimpleAndWholeBlocks()
    {
        var good = Encoding.ASCII.GetBytes("SIMPLE  =                    T".PadRight(2880));

        Assert.True((await InspectAsync(good, ContentFormat.Fits, extension: "fits")).Passed);
        Assert.Equal("INT-E009", (await InspectAsync(good[..2000], ContentFormat.Fits, extension: "fits")).Failure!.Code);
        Assert.Equal("INT-E009", (await InspectAsync(new byte[2880], ContentFormat.Fits, extension: "fits")).Failure!.Code);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789ABCDEF  f\n", "0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdef *f", "0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdef  other", null)]
    [InlineData("d41d8cd9", null)]
    [InlineData("", null)]
    public void SidecarParse_Md5SumFormats_ReadOrRefused(string content, string? md5)
    {
        var (parsed, failure) = SidecarReader.Parse(Encoding.UTF8.GetBytes(content), "f.md5", "f");

        Assert.Equal(md5, parsed);
        Assert.Equal(md5 is null ? "INT-E008" : null, failure?.Code);
    }

    [Fact]
    public void MessagesTable_ListsEveryCodeInUseAndNoOther()
    {
        var table = File.ReadAllText(Sdc.Testing.RepositoryRoot.PathOf("functions/Sdc.Ingest/MESSAGES.md"));
        var documented = CodeRow().Matches(table).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(IngestCodes.All.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^\| ((?:INT|IDX)-[EWI]\d{3}) \|", RegexOptions.Multiline)]
    private static partial Regex CodeRow();
}
