using System.Text;
using Sdc.Formats.Fits;

namespace Sdc.Formats.Tests.Fits;

/// <summary>Streams the reader refuses: the message names the HDU, where, and what was expected.</summary>
public sealed class ReadErrorTests
{
    [Fact]
    public void Read_EmptyStream_SaysSo()
    {
        var e = Read([]);

        Assert.Equal(0, e.HduIndex);
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotFits_ExpectsSimple()
    {
        var e = Read(Encoding.ASCII.GetBytes(new string('x', 2880)));

        Assert.Contains("expected SIMPLE = T", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedHeaderBlock_NamesTheOffset()
    {
        var e = Read(Valid()[..1000]);

        Assert.Equal(0, e.HduIndex);
        Assert.Equal(1000, e.Offset);
        Assert.Contains("whole block", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedData_NamesTheHduAndSizes()
    {
        var bytes = Valid();

        var e = Read(bytes[..(bytes.Length - 2000)]);

        Assert.Equal(1, e.HduIndex);
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        Assert.Contains("data unit of 4000 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingPadding_SaysTruncated()
    {
        var bytes = Valid();

        var e = Read(bytes[..(bytes.Length - 10)]);

        Assert.Contains("pad the data unit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoEndCard_ExpectsEnd()
    {
        var header = Cards("SIMPLE  =                    T", "BITPIX  =                    8", "NAXIS   =                    0");
        var e = Read(header[..2880]);

        Assert.Contains("expected more cards and an END card", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NonAsciiByteInCard_NamesCardAndColumn()
    {
        var bytes = Cards("SIMPLE  =                    T", "BITPIX  =                    8", "NAXIS   =                    0", "OBJECT  = 'Mars'", "END");
        bytes[(3 * 80) + 12] = 0xE9;

        var e = Read(bytes);

        Assert.Equal(240, e.Offset);
        Assert.Contains("card 4", e.Message, StringComparison.Ordinal);
        Assert.Contains("0xE9 at column 13", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnreadableValue_NamesKeyword()
    {
        var e = Read(Cards("SIMPLE  =                    T", "BITPIX  =                    8", "NAXIS   =                    0", "EXPTIME =                 1.2.3", "END"));

        Assert.Contains("card 4: EXPTIME: cannot read the value '1.2.3'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadBitpix_ListsTheValidOnes()
    {
        var e = Read(Cards("SIMPLE  =                    T", "BITPIX  =                   12", "NAXIS   =                    0", "END"));

        Assert.Contains("card 2: BITPIX = 12; expected 8, 16, 32, 64, -32 or -64", e.Message, StringComparison.Ordinal);
        Assert.Equal(80, e.Offset);
    }

    [Fact]
    public void Read_MissingNaxis2_SaysWhichKeyword()
    {
        var e = Read(Cards("SIMPLE  =                    T", "BITPIX  =                   16", "NAXIS   =                    2", "NAXIS1  =                   10", "END"));

        Assert.Contains("no NAXIS2 card", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_VariableLengthColumn_IsUnsupported()
    {
        var bytes = Cards("SIMPLE  =                    T", "BITPIX  =                    8", "NAXIS   =                    0", "END")
            .Concat(Cards("XTENSION= 'BINTABLE'", "BITPIX  =                    8", "NAXIS   =                    2", "NAXIS1  =                    8",
                "NAXIS2  =                    0", "PCOUNT  =                    0", "GCOUNT  =                    1", "TFIELDS =                    1",
                "TFORM1  = '1PE(10) '", "END")).ToArray();

        var e = Read(bytes);

        Assert.Equal(1, e.HduIndex);
        Assert.Contains("TFORM1 = '1PE(10)' is not supported", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RowWidthDisagreesWithTforms_SaysBoth()
    {
        var bytes = Cards("SIMPLE  =                    T", "BITPIX  =                    8", "NAXIS   =                    0", "END")
            .Concat(Cards("XTENSION= 'BINTABLE'", "BITPIX  =                    8", "NAXIS   =                    2", "NAXIS1  =                    9",
                "NAXIS2  =                    0", "PCOUNT  =                    0", "GCOUNT  =                    1", "TFIELDS =                    1",
                "TFORM1  = '2E      '", "END")).ToArray();

        var e = Read(bytes);

        Assert.Contains("NAXIS1 = 9, but the TFORMs add up to 8 bytes per row", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GarbageAfterLastHdu_ExpectsXtension()
    {
        var bytes = Valid().Concat(new byte[2880]).ToArray();

        var e = Read(bytes);

        Assert.Equal(2, e.HduIndex);
        Assert.Contains("expected XTENSION", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadLogicalInTable_NamesColumnAndRow()
    {
        using var stream = new MemoryStream();
        new FitsFile(new ImageHdu(), new BinaryTableHdu(new FitsColumn("OK", new[] { true, false }))).WriteTo(stream, new FitsWriteOptions { Checksums = false });
        var bytes = stream.ToArray();
        bytes[^2879] = (byte)'x';

        var e = Read(bytes);

        Assert.Contains("column OK row 1: logical byte 0x78", e.Message, StringComparison.Ordinal);
    }

    private static FitsFormatException Read(byte[] bytes) =>
        Assert.ThrowsAny<FitsFormatException>(() => FitsFile.Read(new MemoryStream(bytes)));

    /// <summary>A valid two-HDU file: empty primary and a 1000-float image extension.</summary>
    private static byte[] Valid()
    {
        using var stream = new MemoryStream();
        new FitsFile(new ImageHdu(), new ImageHdu(new float[1000], 1000)).WriteTo(stream);
        return stream.ToArray();
    }

    /// <summary>Cards padded to 80 and the header to a 2880-byte block.</summary>
    private static byte[] Cards(params string[] cards)
    {
        var text = string.Concat(cards.Select(c => c.PadRight(80)));
        return Encoding.Latin1.GetBytes(text.PadRight((text.Length + 2879) / 2880 * 2880));
    }
}
