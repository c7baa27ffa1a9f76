namespace Sdc.Formats.Fits;

/// <summary>
/// A fixed-width BINTABLE column. The array type gives the TFORM letter: bool[] L, byte[] B,
/// short[] I, int[] J, long[] K, float[] E, double[] D, string[] A. Numeric and logical values are
/// row-major, <see cref="Repeat"/> per row (a 1024E column of N rows is a float[N * 1024]); text is
/// one string per row, <see cref="Repeat"/> being the field width in characters.
/// </summary>
public sealed class FitsColumn
{
    private IReadOnlyList<int>? _dimensions;

    /// <param name="name">TTYPEn.</param>
    /// <param name="values">The column's values (see the class summary).</param>
    /// <param name="repeat">Elements per row (default 1), or for text the width (default: the longest string, at least 1).</param>
    public FitsColumn(string name, Array values, int? repeat = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        if (name.Length == 0 || !name.All(c => c is >= ' ' and <= '~'))
        {
            throw new ArgumentException($"Column name '{name}' must be non-empty printable ASCII.", nameof(name));
        }

        // By element type: `values is short[]` would also accept a ushort[].
        TypeCode = (values.Rank == 1 ? Type.GetTypeCode(values.GetType().GetElementType()) : System.TypeCode.Object) switch
        {
            System.TypeCode.Boolean => 'L',
            System.TypeCode.Byte => 'B',
            System.TypeCode.Int16 => 'I',
            System.TypeCode.Int32 => 'J',
            System.TypeCode.Int64 => 'K',
            System.TypeCode.Single => 'E',
            System.TypeCode.Double => 'D',
            System.TypeCode.String => 'A',
            _ => throw new ArgumentException(
                $"Column {name}: values of type {values.GetType().Name} are not supported (bool, byte, short, int, long, float, double, string arrays).", nameof(values)),
        };
        Name = name;
        Values = values;
        Repeat = repeat ?? (TypeCode == 'A' ? Math.Max(1, ((string[])values).Max(s => s?.Length) ?? 1) : 1);
        if (Repeat < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(repeat), repeat, $"Column {name}: the repeat count must be at least 1.");
        }

        if (TypeCode != 'A' && values.Length % Repeat != 0)
        {
            throw new ArgumentException($"Column {name}: {values.Length} values are not a whole number of rows of {Repeat}.", nameof(values));
        }
    }

    /// <summary>TTYPEn.</summary>
    public string Name { get; }

    public Array Values { get; }

    /// <summary>The TFORM letter: L, B, I, J, K, E, D or A.</summary>
    public char TypeCode { get; }

    public int Repeat { get; }

    /// <summary>TFORMn, e.g. "1024E" or "16A".</summary>
    public string Format => $"{Repeat}{TypeCode}";

    /// <summary>TUNITn, or null.</summary>
    public string? Unit { get; set; }

    /// <summary>TDIMn (fastest first; their product must be <see cref="Repeat"/>), or null.</summary>
    public IReadOnlyList<int>? Dimensions
    {
        get => _dimensions;
        set
        {
            if (value is not null && (value.Count == 0 || value.Any(d => d < 1) || value.Aggregate(1L, (p, d) => p * d) != Repeat))
            {
                throw new ArgumentException($"Column {Name}: TDIM ({string.Join(",", value)}) must be positive and multiply to the repeat count {Repeat}.", nameof(value));
            }

            _dimensions = value is null ? null : [.. value];
        }
    }

    public int RowCount => TypeCode == 'A' ? Values.Length : Values.Length / Repeat;

    /// <summary>Bytes per row.</summary>
    public int Width => Repeat * TypeCode switch
    {
        'L' or 'B' or 'A' => 1,
        'I' => 2,
        'J' or 'E' => 4,
        _ => 8,
    };

    /// <summary>The values as T[] (no copy).</summary>
    /// <exception cref="InvalidCastException">The column holds another type.</exception>
    public T[] GetValues<T>() =>
        Values.GetType() == typeof(T[]) ? (T[])Values : throw new InvalidCastException($"Column {Name} ({Format}) holds {Values.GetType().GetElementType()!.Name} values, not {typeof(T).Name}.");
}
