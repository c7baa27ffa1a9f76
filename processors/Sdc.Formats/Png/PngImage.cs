using System.Collections.ObjectModel;
using System.IO.Compression;

namespace Sdc.Formats.Png;

/// <summary>
/// A PNG image: 8/16-bit grayscale or 8-bit RGB, rows top to bottom, with optional tEXt chunks
/// (provenance: keyword 1-79 Latin-1 characters, e.g. "Software", "Source", "Comment"). Written by
/// <see cref="Save"/>; read back (images of the same kinds) by <see cref="Load"/>.
/// </summary>
public sealed class PngImage
{
    private PngImage(Array pixels, int width, int height, PngPixelFormat format)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var expected = (long)width * height * (format == PngPixelFormat.Rgb8 ? 3 : 1);
        if (pixels.Length != expected)
        {
            throw new ArgumentException($"A {width}x{height} {format} image needs {expected} values, got {pixels.Length}.", nameof(pixels));
        }

        Pixels = pixels;
        Width = width;
        Height = height;
        Format = format;
    }

    public static PngImage Gray8(byte[] pixels, int width, int height) => new(pixels, width, height, PngPixelFormat.Gray8);

    public static PngImage Gray16(ushort[] pixels, int width, int height) => new(pixels, width, height, PngPixelFormat.Gray16);

    /// <param name="pixels">R, G, B bytes per pixel, rows top to bottom.</param>
    public static PngImage Rgb8(byte[] pixels, int width, int height) => new(pixels, width, height, PngPixelFormat.Rgb8);

    public int Width { get; }

    public int Height { get; }

    public PngPixelFormat Format { get; }

    /// <summary>byte[] for <see cref="PngPixelFormat.Gray8"/> and <see cref="PngPixelFormat.Rgb8"/>, ushort[] for <see cref="PngPixelFormat.Gray16"/>.</summary>
    public Array Pixels { get; }

    /// <summary>tEXt chunks, written in order before the image data.</summary>
    public Collection<KeyValuePair<string, string>> Text { get; } = [];

    public PngFilter Filter { get; set; } = PngFilter.Adaptive;

    public CompressionLevel Compression { get; set; } = CompressionLevel.Optimal;

    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        PngEncoder.Write(this, stream);
    }

    /// <summary>Encodes in memory, then writes.</summary>
    public async Task WriteToAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        PngEncoder.Write(this, buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(stream, cancellationToken);
    }

    public void Save(string path)
    {
        using var stream = File.Create(path);
        WriteTo(stream);
    }

    public async Task SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.Create(path);
        await WriteToAsync(stream, cancellationToken);
    }

    /// <summary>Reads a PNG of the kinds this class writes; every chunk's CRC is checked.</summary>
    /// <exception cref="PngFormatException">Not such a PNG, or damaged; the message says where and why.</exception>
    public static PngImage Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return PngReader.Read(stream);
    }

    /// <inheritdoc cref="Read"/>
    public static PngImage Load(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return Read(stream);
    }
}
