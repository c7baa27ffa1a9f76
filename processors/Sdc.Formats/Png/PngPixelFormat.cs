namespace Sdc.Formats.Png;

public enum PngPixelFormat
{
    /// <summary>8-bit grayscale, one byte per pixel.</summary>
    Gray8,

    /// <summary>16-bit grayscale, one ushort per pixel.</summary>
    Gray16,

    /// <summary>8-bit RGB, three bytes per pixel (R, G, B).</summary>
    Rgb8,
}
