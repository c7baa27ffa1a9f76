namespace Sdc.Formats.Fits;

/// <summary>
/// An image: the primary HDU or an IMAGE extension. <see cref="Axes"/> run fastest first, as NAXISn do:
/// a W×H image is <c>new ImageHdu(pixels, W, H)</c> with pixel (x, y) at <c>pixels[y * W + x]</c>
/// (astropy shows the same array with shape (H, W)). BITPIX follows the array: byte 8, short 16,
/// int 32, long 64, float -32, double -64; ushort and uint are stored as 16/32-bit with
/// BZERO = 2^15/2^31 (and read back as ushort/uint). <see cref="Scale"/> and <see cref="Zero"/> are
/// BSCALE/BZERO of the other types: physical = Zero + Scale × stored; reading leaves pixels stored.
/// </summary>
public sealed class ImageHdu : FitsHdu
{
    private const double UInt16Zero = 32768;
    private const double UInt32Zero = 2147483648;

    private readonly int[] _axes;

    /// <summary>An HDU without data (NAXIS = 0), e.g. a primary HDU in front of tables.</summary>
    public ImageHdu()
    {
        _axes = [];
    }

    public ImageHdu(byte[] pixels, params int[] axes) : this((Array)pixels, axes) { }

    public ImageHdu(short[] pixels, params int[] axes) : this((Array)pixels, axes) { }

    public ImageHdu(ushort[] pixels, params int[] axes) : this((Array)pixels, axes) { }

    public ImageHdu(int[] pixels, params int[] axes) : this((Array)pixels, axes) { }

    public ImageHdu(uint[] pixels, params int[] axes) : this((Array)pixels, axes) { }

    public ImageHdu(long[] pixels, params int[] axes) : this((Array)pixels, axes) { }

    public ImageHdu(float[] pixels, params int[] axes) : this((Array)pixels, axes) { }

    public ImageHdu(double[] pixels, params int[] axes) : this((Array)pixels, axes) { }

    private ImageHdu(Array pixels, int[] axes)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Length is 0 or > 999 || axes.Any(a => a < 0))
        {
            throw new ArgumentException($"An image needs 1 to 999 non-negative axis lengths, got ({string.Join(", ", axes)}).", nameof(axes));
        }

        var count = axes.Aggregate(1L, (product, axis) => product * axis);
        if (count != pixels.Length)
        {
            throw new ArgumentException($"Axes ({string.Join(" x ", axes)}) make {count} pixels, but the array holds {pixels.Length}.", nameof(pixels));
        }

        Pixels = pixels;
        _axes = [.. axes];
        Bitpix = BitpixOf(pixels);
    }

    public override string Kind => "IMAGE";

    /// <summary>The pixel array (stored values), or null when NAXIS = 0.</summary>
    public Array? Pixels { get; }

    /// <summary>NAXIS1, NAXIS2, … (fastest-varying first).</summary>
    public IReadOnlyList<int> Axes => _axes;

    /// <summary>0 when there is no data.</summary>
    public int Bitpix { get; }

    /// <summary>BSCALE (default 1); not for ushort/uint pixels.</summary>
    public double Scale { get; set; } = 1;

    /// <summary>BZERO (default 0); not for ushort/uint pixels, which carry their own.</summary>
    public double Zero { get; set; }

    /// <summary>The pixels as T[] (no copy).</summary>
    /// <exception cref="InvalidCastException">The image holds another element type.</exception>
    public T[] GetPixels<T>()
        where T : unmanaged =>
        Pixels?.GetType() == typeof(T[]) ? (T[])Pixels : throw new InvalidCastException(
            $"The image holds {(Pixels is null ? "no pixels" : Pixels.GetType().GetElementType()!.Name + " pixels (BITPIX " + Bitpix + ")")}, not {typeof(T).Name}.");

    /// <summary>Physical values, Zero + Scale × stored, as a new array.</summary>
    public double[] GetPhysicalValues()
    {
        if (Pixels is null)
        {
            return [];
        }

        var result = new double[Pixels.Length];
        switch (ElementType)
        {
            case TypeCode.Byte: Convert((byte[])Pixels, result); break;
            case TypeCode.Int16: Convert((short[])Pixels, result); break;
            case TypeCode.UInt16: Convert((ushort[])Pixels, result); break;
            case TypeCode.Int32: Convert((int[])Pixels, result); break;
            case TypeCode.UInt32: Convert((uint[])Pixels, result); break;
            case TypeCode.Int64: Convert((long[])Pixels, result); break;
            case TypeCode.Single: Convert((float[])Pixels, result); break;
            case TypeCode.Double: Convert((double[])Pixels, result); break;
        }

        return result;
    }

    internal static ImageHdu FromData(Array? pixels, int[] axes) =>
        pixels is null ? new ImageHdu() : new ImageHdu(pixels, axes);

    internal static (Array Pixels, DataCodec Codec) CreateForReading(int bitpix, double scale, double zero, int count)
    {
        return bitpix switch
        {
            8 => Make(new byte[count]),
            16 when scale == 1 && zero == UInt16Zero => Make(new ushort[count], 0x0080_0080, 0x8000_8000),
            16 => Make(new short[count]),
            32 when scale == 1 && zero == UInt32Zero => Make(new uint[count], 0x0000_0080, 0x8000_0000),
            32 => Make(new int[count]),
            64 => Make(new long[count]),
            -32 => Make(new float[count]),
            -64 => Make(new double[count]),
            _ => throw new ArgumentOutOfRangeException(nameof(bitpix), bitpix, "BITPIX must be 8, 16, 32, 64, -32 or -64."),
        };

        static (Array, DataCodec) Make<T>(T[] pixels, uint writeFlip = 0, uint readFlip = 0)
            where T : unmanaged => (pixels, new ImageDataCodec<T>(pixels, writeFlip, readFlip));
    }

    internal static bool IsUnsignedConvention(int bitpix, double scale, double zero) =>
        scale == 1 && ((bitpix == 16 && zero == UInt16Zero) || (bitpix == 32 && zero == UInt32Zero));

    internal override void AppendStructuralCards(List<FitsCard> cards, bool primary)
    {
        cards.Add(new FitsCard("BITPIX", Bitpix == 0 ? 8 : Bitpix, "array data type"));
        cards.Add(new FitsCard("NAXIS", _axes.Length, "number of array dimensions"));
        for (var i = 0; i < _axes.Length; i++)
        {
            cards.Add(new FitsCard($"NAXIS{i + 1}", _axes[i]));
        }

        if (!primary)
        {
            cards.Add(new FitsCard("PCOUNT", 0, "number of parameters"));
            cards.Add(new FitsCard("GCOUNT", 1, "number of groups"));
        }

        switch (ElementType)
        {
            case TypeCode.UInt16:
                cards.Add(new FitsCard("BSCALE", 1));
                cards.Add(new FitsCard("BZERO", 32768, "offset for unsigned 16-bit integers"));
                break;
            case TypeCode.UInt32:
                cards.Add(new FitsCard("BSCALE", 1));
                cards.Add(new FitsCard("BZERO", 2147483648, "offset for unsigned 32-bit integers"));
                break;
            default:
                if (Scale != 1 || Zero != 0)
                {
                    cards.Add(new FitsCard("BSCALE", Scale, "physical = BZERO + BSCALE * stored"));
                    cards.Add(new FitsCard("BZERO", Zero));
                }

                break;
        }
    }

    internal override void Validate(string where)
    {
        if (!double.IsFinite(Scale) || !double.IsFinite(Zero) || Scale == 0)
        {
            throw new InvalidOperationException($"{where}: BSCALE {Scale} and BZERO {Zero} must be finite, BSCALE non-zero.");
        }

        if ((Scale != 1 || Zero != 0) && ElementType is TypeCode.Empty or TypeCode.UInt16 or TypeCode.UInt32)
        {
            throw new InvalidOperationException(
                $"{where}: {(Pixels is null ? "an image without pixels" : "unsigned pixels (which are stored with their own BZERO)")} cannot have Scale/Zero.");
        }
    }

    internal override DataCodec CreateCodec() => ElementType switch
    {
        TypeCode.Empty => new ImageDataCodec<byte>([]),
        TypeCode.Byte => new ImageDataCodec<byte>((byte[])Pixels!),
        TypeCode.Int16 => new ImageDataCodec<short>((short[])Pixels!),
        TypeCode.UInt16 => new ImageDataCodec<ushort>((ushort[])Pixels!, 0x0080_0080, 0x8000_8000),
        TypeCode.Int32 => new ImageDataCodec<int>((int[])Pixels!),
        TypeCode.UInt32 => new ImageDataCodec<uint>((uint[])Pixels!, 0x0000_0080, 0x8000_0000),
        TypeCode.Int64 => new ImageDataCodec<long>((long[])Pixels!),
        TypeCode.Single => new ImageDataCodec<float>((float[])Pixels!),
        TypeCode.Double => new ImageDataCodec<double>((double[])Pixels!),
        var other => throw new InvalidOperationException($"Unsupported pixel type {other}."),
    };

    internal override bool IsStructural(string keyword) =>
        base.IsStructural(keyword) || keyword is "BSCALE" or "BZERO";

    // By element type, never `pixels is short[]`: the runtime lets a ushort[] pass for a short[]
    // (and uint[] for int[]), so pattern matching on array types cannot tell them apart.
    private TypeCode ElementType => Pixels is null ? TypeCode.Empty : Type.GetTypeCode(Pixels.GetType().GetElementType());

    private static int BitpixOf(Array pixels) => Type.GetTypeCode(pixels.GetType().GetElementType()) switch
    {
        TypeCode.Byte => 8,
        TypeCode.Int16 or TypeCode.UInt16 => 16,
        TypeCode.Int32 or TypeCode.UInt32 => 32,
        TypeCode.Int64 => 64,
        TypeCode.Single => -32,
        TypeCode.Double => -64,
        _ => throw new ArgumentException($"Pixels of type {pixels.GetType().GetElementType()?.Name} are not supported (byte, short, ushort, int, uint, long, float, double).", nameof(pixels)),
    };

    private void Convert<T>(T[] source, double[] target)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        for (var i = 0; i < source.Length; i++)
        {
            target[i] = Zero + (Scale * double.CreateChecked(source[i]));
        }
    }
}
