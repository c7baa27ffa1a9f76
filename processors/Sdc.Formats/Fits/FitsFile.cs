using System.Collections.ObjectModel;

namespace Sdc.Formats.Fits;

/// <summary>
/// A FITS file: a primary <see cref="ImageHdu"/> (possibly without data) followed by IMAGE and
/// BINTABLE extensions. Written with DATASUM/CHECKSUM by default; read with checksum verification
/// by default.
/// </summary>
public sealed class FitsFile
{
    public FitsFile(params IEnumerable<FitsHdu> hdus)
    {
        ArgumentNullException.ThrowIfNull(hdus);
        foreach (var hdu in hdus)
        {
            Hdus.Add(hdu);
        }
    }

    public Collection<FitsHdu> Hdus { get; } = [];

    /// <summary>HDU 0.</summary>
    /// <exception cref="InvalidOperationException">There is none, or it is not an image.</exception>
    public ImageHdu Primary => Hdus.Count > 0 && Hdus[0] is ImageHdu primary
        ? primary
        : throw new InvalidOperationException("The file has no primary image HDU.");

    /// <summary>The first HDU whose EXTNAME is <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="KeyNotFoundException">No such HDU, or it is not a <typeparamref name="T"/>.</exception>
    public T Get<T>(string name)
        where T : FitsHdu
    {
        var hdu = Hdus.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
        return hdu as T ?? throw new KeyNotFoundException(hdu is null
            ? $"No HDU has EXTNAME '{name}' (names: {string.Join(", ", Hdus.Select(h => h.Name ?? "-"))})."
            : $"HDU '{name}' is an {hdu.GetType().Name}, not a {typeof(T).Name}.");
    }

    /// <summary>
    /// Writes the file. The data are converted chunk by chunk; with checksums (the default), a seekable
    /// stream gets its headers rewritten once the data are out, and a forward-only one costs a second
    /// conversion pass (to sum the data before their header).
    /// </summary>
    /// <exception cref="InvalidOperationException">The HDUs cannot be written as they are (checked before any byte is written).</exception>
    public void WriteTo(Stream stream, FitsWriteOptions? options = null)
    {
        var prepared = FitsWriter.Prepare(this, options ?? FitsWriteOptions.Default);
        FitsWriter.WriteAsync(prepared, stream, async: false, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <inheritdoc cref="WriteTo"/>
    public Task WriteToAsync(Stream stream, FitsWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var prepared = FitsWriter.Prepare(this, options ?? FitsWriteOptions.Default);
        return FitsWriter.WriteAsync(prepared, stream, async: true, cancellationToken);
    }

    /// <summary>Writes the file to <paramref name="path"/>, replacing it.</summary>
    /// <exception cref="InvalidOperationException">The HDUs cannot be written as they are (checked before the file is touched).</exception>
    public void Save(string path, FitsWriteOptions? options = null)
    {
        var prepared = FitsWriter.Prepare(this, options ?? FitsWriteOptions.Default);
        using var stream = CreateFile(path, prepared.Length, async: false);
        FitsWriter.WriteAsync(prepared, stream, async: false, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <inheritdoc cref="Save"/>
    public async Task SaveAsync(string path, FitsWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var prepared = FitsWriter.Prepare(this, options ?? FitsWriteOptions.Default);
        await using var stream = CreateFile(path, prepared.Length, async: true);
        await FitsWriter.WriteAsync(prepared, stream, async: true, cancellationToken);
    }

    /// <exception cref="FitsFormatException">The stream is not a FITS file this library reads; the message says where and why.</exception>
    /// <exception cref="FitsChecksumException">An HDU's DATASUM or CHECKSUM does not match (when verifying).</exception>
    public static FitsFile Read(Stream stream, FitsReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new FitsReader(stream, options ?? FitsReadOptions.Default).ReadAsync(async: false, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <inheritdoc cref="Read"/>
    public static Task<FitsFile> ReadAsync(Stream stream, FitsReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new FitsReader(stream, options ?? FitsReadOptions.Default).ReadAsync(async: true, cancellationToken);
    }

    /// <inheritdoc cref="Read"/>
    public static FitsFile Load(string path, FitsReadOptions? options = null)
    {
        using var stream = OpenFile(path, async: false);
        return Read(stream, options);
    }

    /// <inheritdoc cref="Read"/>
    public static async Task<FitsFile> LoadAsync(string path, FitsReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        await using var stream = OpenFile(path, async: true);
        return await ReadAsync(stream, options, cancellationToken);
    }

    // No FileStream buffer: the writer and reader move 256 KiB chunks of their own. Allocating the whole
    // file up front (fallocate) spares the file system growing it chunk by chunk, which on ext4 makes
    // writing a fresh file several times faster.
    private static FileStream CreateFile(string path, long length, bool async) => new(path, new FileStreamOptions
    {
        Mode = FileMode.Create,
        Access = FileAccess.Write,
        Share = FileShare.None,
        BufferSize = 0,
        PreallocationSize = length,
        Options = async ? FileOptions.Asynchronous : FileOptions.None,
    });

    private static FileStream OpenFile(string path, bool async) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan | (async ? FileOptions.Asynchronous : FileOptions.None));
}
