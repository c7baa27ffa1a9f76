using System.Collections.ObjectModel;

namespace Sdc.Formats.Fits;

/// <summary>A BINTABLE extension of fixed-width columns (no heap, no variable-length arrays).</summary>
public sealed class BinaryTableHdu : FitsHdu
{
    public BinaryTableHdu(params IEnumerable<FitsColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        foreach (var column in columns)
        {
            Columns.Add(column);
        }
    }

    public override string Kind => "BINTABLE";

    public Collection<FitsColumn> Columns { get; } = [];

    /// <summary>Rows of the first column (all columns must agree when written).</summary>
    public int RowCount => Columns.Count == 0 ? 0 : Columns[0].RowCount;

    /// <summary>Bytes per row (NAXIS1).</summary>
    public int RowWidth => Columns.Sum(c => c.Width);

    /// <summary>The column with this TTYPE (case-insensitive).</summary>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    public FitsColumn this[string name] =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"The table has no column '{name}' (it has {string.Join(", ", Columns.Select(c => c.Name))}).");

    internal override void AppendStructuralCards(List<FitsCard> cards, bool primary)
    {
        cards.Add(new FitsCard("BITPIX", 8, "array data type"));
        cards.Add(new FitsCard("NAXIS", 2, "number of array dimensions"));
        cards.Add(new FitsCard("NAXIS1", RowWidth, "bytes per row"));
        cards.Add(new FitsCard("NAXIS2", RowCount, "number of rows"));
        cards.Add(new FitsCard("PCOUNT", 0, "size of special data area"));
        cards.Add(new FitsCard("GCOUNT", 1, "one data group"));
        cards.Add(new FitsCard("TFIELDS", Columns.Count, "number of columns"));
        for (var i = 0; i < Columns.Count; i++)
        {
            var column = Columns[i];
            var n = i + 1;
            cards.Add(new FitsCard($"TTYPE{n}", column.Name));
            cards.Add(new FitsCard($"TFORM{n}", column.Format));
            if (column.Unit is not null)
            {
                cards.Add(new FitsCard($"TUNIT{n}", column.Unit));
            }

            if (column.Dimensions is not null)
            {
                cards.Add(new FitsCard($"TDIM{n}", $"({string.Join(",", column.Dimensions)})"));
            }
        }
    }

    internal override void Validate(string where)
    {
        if (Columns.Count > 999)
        {
            throw new InvalidOperationException($"{where}: {Columns.Count} columns; a table has at most 999.");
        }

        var rows = RowCount;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in Columns)
        {
            if (!names.Add(column.Name))
            {
                throw new InvalidOperationException($"{where}: two columns are named '{column.Name}'.");
            }

            if (column.RowCount != rows)
            {
                throw new InvalidOperationException($"{where}: column {column.Name} has {column.RowCount} rows, column {Columns[0].Name} {rows}.");
            }

            if (column.TypeCode == 'A')
            {
                var strings = (string[])column.Values;
                for (var row = 0; row < strings.Length; row++)
                {
                    var s = strings[row] ?? "";
                    if (s.Length > column.Repeat || s.AsSpan().ContainsAnyExceptInRange(' ', '~'))
                    {
                        throw new InvalidOperationException(
                            $"{where}: column {column.Name} row {row}: '{s}' must be printable ASCII of at most {column.Repeat} characters.");
                    }
                }
            }
        }
    }

    internal override DataCodec CreateCodec() => new TableDataCodec(Columns, RowCount);

    internal override bool IsStructural(string keyword) =>
        base.IsStructural(keyword) || keyword == "TFIELDS" ||
        FitsStructure.IsIndexed(keyword, "TTYPE") || FitsStructure.IsIndexed(keyword, "TFORM") ||
        FitsStructure.IsIndexed(keyword, "TUNIT") || FitsStructure.IsIndexed(keyword, "TDIM");
}
