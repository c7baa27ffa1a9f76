using Sdc.Formats.Fits;
using Sdc.Formats.Tests.Support;

namespace Sdc.Formats.Tests.Fits;

public sealed class FitsFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task Save_OverALongerFile_SameBytesAsWriteTo()
    {
        // Save preallocates the file's exact length: nothing of the old, longer file may remain.
        var file = new FitsFile(new ImageHdu(new double[1000], 10, 100), new BinaryTableHdu(new FitsColumn("X", new int[7])));
        using var memory = new MemoryStream();
        file.WriteTo(memory);
        var path = _temp.File("same.fits");
        await File.WriteAllBytesAsync(path, new byte[100_000]);

        file.Save(path);
        var saved = await File.ReadAllBytesAsync(path);
        await file.SaveAsync(path);
        var savedAsync = await File.ReadAllBytesAsync(path);

        Assert.Equal(memory.ToArray(), saved);
        Assert.Equal(memory.ToArray(), savedAsync);
        Assert.Equal(0, saved.Length % 2880);
    }

    [Fact]
    public void Save_InvalidHdu_LeavesAnExistingFileAlone()
    {
        var path = _temp.File("keep.fits");
        File.WriteAllText(path, "previous");

        Assert.Throws<InvalidOperationException>(() => new FitsFile(new BinaryTableHdu()).Save(path));

        Assert.Equal("previous", File.ReadAllText(path));
    }

    [Fact]
    public void Get_UnknownNameOrWrongKind_SaysWhatThereIs()
    {
        var file = new FitsFile(new ImageHdu(), new ImageHdu(new byte[1], 1) { Name = "DQ" });

        Assert.Contains("names: -, DQ", Assert.Throws<KeyNotFoundException>(() => file.Get<ImageHdu>("SCI")).Message, StringComparison.Ordinal);
        Assert.Contains("is an ImageHdu, not a BinaryTableHdu", Assert.Throws<KeyNotFoundException>(() => file.Get<BinaryTableHdu>("dq")).Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
