using System.Buffers.Binary;
using System.Text;
using Sdc.Formats.Fits;
using Sdc.Formats.Tests.Support;

namespace Sdc.Formats.Tests.Fits;

/// <summary>DATASUM and CHECKSUM (FITS checksum convention): written so that others agree, verified on read.</summary>
[Collection(ExternalToolsDefinition.Name)]
public sealed class ChecksumTests(AstropyFixture astropy) : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task Save_EveryHdu_AstropyAndFitsverifyAcceptTheChecksums()
    {
        var path = _temp.File("sums.fits");

        Sample().Save(path);

        await FitsVerify.AssertCleanAsync(path);
        var seen = await astropy.DumpAsync(path);
        for (var i = 0; i < seen.HduCount(); i++)
        {
            Assert.Equal(1, seen.Hdu(i)["checksum"]!.GetValue<int>());
            Assert.Equal(1, seen.Hdu(i)["datasum"]!.GetValue<int>());
        }

        Assert.Empty(seen["warnings"]!.AsArray());
    }

    [Fact]
    public async Task Save_CorruptedByte_FitsverifyAndAstropyNoticeIt()
    {
        // Proves the two checkers above do check: the same file with one data byte changed fails both.
        var path = _temp.File("corrupt.fits");
        var bytes = Bytes(Sample());
        bytes[bytes.Length - 2880 + 5] ^= 0x01;
        await File.WriteAllBytesAsync(path, bytes);

        var (exit, _, _) = await ExternalTools.RunAsync(ExternalTools.FitsVerify, "-q", path);
        var seen = await astropy.DumpAsync(path);

        Assert.NotEqual(0, exit);
        Assert.Equal(0, seen.Hdu(2)["datasum"]!.GetValue<int>());
    }

    [Fact]
    public async Task WriteTo_NonSeekableAndAsync_SameBytesAsSeekable()
    {
        var file = Sample();
        var seekable = Bytes(file);
        using var plain = new MemoryStream();
        using var forwardOnly = new ForwardOnlyStream(plain);
        using var viaAsync = new MemoryStream();

        file.WriteTo(forwardOnly);
        await file.WriteToAsync(new ForwardOnlyStream(viaAsync));

        Assert.Equal(seekable, plain.ToArray());
        Assert.Equal(seekable, viaAsync.ToArray());
    }

    [Fact]
    public async Task WriteTo_ManyChunks_SyncAsyncAndForwardOnlyAgreeAndVerify()
    {
        // 4 MB of pixels and 1.4 MB of rows: many 256 KiB chunks, converted while the previous one is written.
        var random = new Random(4);
        var pixels = Enumerable.Range(0, 1 << 20).Select(_ => (float)random.NextDouble()).ToArray();
        var rows = Enumerable.Range(0, 100_000).Select(i => (long)i * i).ToArray();
        var file = new FitsFile(new ImageHdu(pixels, 1024, 1024), new BinaryTableHdu(new FitsColumn("N", rows), new FitsColumn("S", rows.Select(r => (short)r).ToArray(), 1)));
        var seekable = Bytes(file);
        using var viaAsync = new MemoryStream();
        using var forwardOnly = new MemoryStream();

        await file.WriteToAsync(viaAsync);
        file.WriteTo(new ForwardOnlyStream(forwardOnly));

        Assert.Equal(seekable, viaAsync.ToArray());
        Assert.Equal(seekable, forwardOnly.ToArray());
        var back = FitsFile.Read(new MemoryStream(seekable), new FitsReadOptions { RequireChecksums = true });
        Assert.Equal(pixels, back.Primary.GetPixels<float>());
        Assert.Equal(rows, ((BinaryTableHdu)back.Hdus[1])["N"].GetValues<long>());
    }

    [Fact]
    public void WriteTo_StreamFailsMidway_ThrowsItsIOException()
    {
        var file = new FitsFile(new ImageHdu(new float[1 << 20], 1 << 20));

        Assert.Throws<IOException>(() => file.WriteTo(new FailingStream(failAfter: 1_000_000)));
    }

    [Fact]
    public void Read_CorruptedData_ThrowsNamingTheHduAndDatasum()
    {
        var bytes = Bytes(Sample());
        var firstTableBlock = bytes.Length - 2880;
        bytes[firstTableBlock + 3] ^= 0x40;

        var e = Assert.Throws<FitsChecksumException>(() => FitsFile.Read(new MemoryStream(bytes)));

        Assert.Equal(2, e.HduIndex);
        Assert.Contains("DATASUM", e.Message, StringComparison.Ordinal);
        Assert.NotNull(FitsFile.Read(new MemoryStream(bytes), new FitsReadOptions { VerifyChecksums = false }));
    }

    [Fact]
    public void Read_CorruptedHeaderComment_ThrowsChecksumMismatch()
    {
        var bytes = Bytes(Sample());
        var at = IndexOf(bytes, "target of the observation");
        bytes[at] = (byte)'T';

        var e = Assert.Throws<FitsChecksumException>(() => FitsFile.Read(new MemoryStream(bytes)));

        Assert.Equal(0, e.HduIndex);
        Assert.Contains("CHECKSUM", e.Message, StringComparison.Ordinal);
        Assert.Contains("header is corrupt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoChecksumsWhenRequired_Throws()
    {
        using var stream = new MemoryStream();
        Sample().WriteTo(stream, new FitsWriteOptions { Checksums = false });
        stream.Position = 0;

        var e = Assert.Throws<FitsChecksumException>(() => FitsFile.Read(stream, new FitsReadOptions { RequireChecksums = true }));

        Assert.Contains("no CHECKSUM", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_WithoutChecksums_WritesNoChecksumCards()
    {
        using var stream = new MemoryStream();

        Sample().WriteTo(stream, new FitsWriteOptions { Checksums = false });

        Assert.Equal(-1, IndexOf(stream.ToArray(), "CHECKSUM"));
    }

    [Fact]
    public void Add_ChunksOfAnyLength_SameSumAsOneWordAtATime()
    {
        var random = new Random(5);
        var bytes = new byte[100_003];
        random.NextBytes(bytes);
        ulong reference = 0;
        Span<byte> word = stackalloc byte[4];
        for (var i = 0; i < bytes.Length; i += 4)
        {
            word.Clear();
            bytes.AsSpan(i, Math.Min(4, bytes.Length - i)).CopyTo(word);
            reference += BinaryPrimitives.ReadUInt32BigEndian(word);
        }

        while (reference > uint.MaxValue)
        {
            reference = (reference & uint.MaxValue) + (reference >> 32);
        }

        var pieces = default(FitsChecksum);
        for (var start = 0; start < bytes.Length;)
        {
            var length = Math.Min(random.Next(0, 300), bytes.Length - start);
            pieces.Add(bytes.AsSpan(start, length));
            start += length;
        }

        Assert.Equal((uint)reference, FitsChecksum.Of(bytes));
        Assert.Equal((uint)reference, pieces.Value);
    }

    [Fact]
    public void Encode_AnySum_GivesAlphanumericsThatComplementTheSum()
    {
        var random = new Random(9);
        foreach (var sum in new uint[] { 0, 1, 0xFFFFFFFF, 0x80000000 }.Concat(Enumerable.Range(0, 200).Select(_ => (uint)random.NextInt64(0, 1L << 32))))
        {
            var text = FitsChecksum.Encode(sum);

            Assert.Matches("^[0-9A-Za-z]{16}$", text);
            // Summed in place of sixteen '0's (rotated back), the encoding adds exactly the complement.
            var encoded = Encoding.ASCII.GetBytes(text[1..] + text[0]);
            var zeros = Encoding.ASCII.GetBytes(new string('0', 16));
            var total = FitsChecksum.Combine(sum, FitsChecksum.Combine(FitsChecksum.Of(encoded), ~FitsChecksum.Of(zeros)));
            Assert.Equal(0xFFFFFFFFu, total);
        }
    }

    public void Dispose() => _temp.Dispose();

    private static FitsFile Sample()
    {
        var primary = new ImageHdu(Enumerable.Range(0, 1000).Select(i => (short)(i * 13)).ToArray(), 25, 40);
        primary.Header.Add("OBJECT", "Mars", "target of the observation");
        return new FitsFile(
            primary,
            new ImageHdu(Enumerable.Range(0, 333).Select(i => i * 0.5f).ToArray(), 333) { Name = "SPECTRUM" },
            new BinaryTableHdu(new FitsColumn("T", Enumerable.Range(0, 77).Select(i => i * 1.5).ToArray()), new FitsColumn("N", Enumerable.Range(0, 77).Select(i => $"n{i}").ToArray(), 5)));
    }

    private static byte[] Bytes(FitsFile file)
    {
        using var stream = new MemoryStream();
        file.WriteTo(stream);
        return stream.ToArray();
    }

    private static int IndexOf(byte[] bytes, string text) => bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text));

    /// <summary>A seekable stream whose writes fail once it holds more than a given number of bytes (a full disk).</summary>
    private sealed class FailingStream(long failAfter) : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Length + buffer.Length > failAfter)
            {
                throw new IOException("No space left on device");
            }

            base.Write(buffer);
        }
    }

    /// <summary>A write-only stream that cannot seek, like an upload or a pipe.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
