using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sdc.Formats.Fits;

/// <summary>
/// Rows of a binary table. A chunk of whole rows is filled one column at a time, so each column's loop
/// is a tight strided copy (a byte swap per element, or a vectorised swap per row for wide fields).
/// </summary>
internal sealed class TableDataCodec : DataCodec
{
    private readonly Field[] _fields;
    private readonly int _rows;
    private int _nextRow;

    public TableDataCodec(IReadOnlyList<FitsColumn> columns, int rows)
    {
        _rows = rows;
        _fields = new Field[columns.Count];
        var offset = 0;
        for (var i = 0; i < columns.Count; i++)
        {
            _fields[i] = new Field(columns[i], offset);
            offset += columns[i].Width;
        }

        Granularity = Math.Max(1, offset);
        Length = (long)offset * rows;
    }

    public override long Length { get; }

    public override int Granularity { get; }

    public override int Fill(Span<byte> destination)
    {
        var rows = Math.Min(_rows - _nextRow, destination.Length / Granularity);
        var chunk = destination[..(rows * Granularity)];
        foreach (var field in _fields)
        {
            field.Write(_nextRow, rows, chunk, Granularity);
        }

        _nextRow += rows;
        return chunk.Length;
    }

    public override void Consume(ReadOnlySpan<byte> source)
    {
        var rows = source.Length / Granularity;
        foreach (var field in _fields)
        {
            field.Read(_nextRow, rows, source, Granularity);
        }

        _nextRow += rows;
    }

    public override void Reset() => _nextRow = 0;

    private sealed class Field(FitsColumn column, int offset)
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Write(int firstRow, int rows, Span<byte> chunk, int rowWidth)
        {
            var n = column.Repeat;
            switch (column.TypeCode)
            {
                case 'L':
                    var flags = (bool[])column.Values;
                    for (var r = 0; r < rows; r++)
                    {
                        var source = flags.AsSpan((firstRow + r) * n, n);
                        var target = chunk.Slice((r * rowWidth) + offset, n);
                        for (var k = 0; k < n; k++)
                        {
                            target[k] = source[k] ? (byte)'T' : (byte)'F';
                        }
                    }

                    break;
                case 'A':
                    var texts = (string[])column.Values;
                    for (var r = 0; r < rows; r++)
                    {
                        var target = chunk.Slice((r * rowWidth) + offset, n);
                        // Validated as printable ASCII before writing began. A NUL ends a shorter
                        // string (FITS 4.0 section 7.3.3.1).
                        var written = System.Text.Encoding.ASCII.GetBytes(texts[firstRow + r] ?? "", target);
                        target[written..].Clear();
                    }

                    break;
                case 'B': WriteNumbers((byte[])column.Values, firstRow, rows, chunk, rowWidth); break;
                case 'I': WriteNumbers((short[])column.Values, firstRow, rows, chunk, rowWidth); break;
                case 'J': WriteNumbers((int[])column.Values, firstRow, rows, chunk, rowWidth); break;
                case 'K': WriteNumbers((long[])column.Values, firstRow, rows, chunk, rowWidth); break;
                case 'E': WriteNumbers((float[])column.Values, firstRow, rows, chunk, rowWidth); break;
                case 'D': WriteNumbers((double[])column.Values, firstRow, rows, chunk, rowWidth); break;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Read(int firstRow, int rows, ReadOnlySpan<byte> chunk, int rowWidth)
        {
            var n = column.Repeat;
            switch (column.TypeCode)
            {
                case 'L':
                    var flags = (bool[])column.Values;
                    for (var r = 0; r < rows; r++)
                    {
                        var source = chunk.Slice((r * rowWidth) + offset, n);
                        var target = flags.AsSpan((firstRow + r) * n, n);
                        for (var k = 0; k < n; k++)
                        {
                            target[k] = source[k] switch
                            {
                                (byte)'T' => true,
                                (byte)'F' or 0 => false,
                                var b => throw new FormatException(
                                    $"column {column.Name} row {firstRow + r}: logical byte 0x{b:X2}; expected 'T', 'F' or 0"),
                            };
                        }
                    }

                    break;
                case 'A':
                    var texts = (string[])column.Values;
                    for (var r = 0; r < rows; r++)
                    {
                        var source = chunk.Slice((r * rowWidth) + offset, n);
                        var end = source.IndexOf((byte)0);
                        texts[firstRow + r] = System.Text.Encoding.ASCII.GetString(end < 0 ? source : source[..end]).TrimEnd(' ');
                    }

                    break;
                case 'B': ReadNumbers((byte[])column.Values, firstRow, rows, chunk, rowWidth); break;
                case 'I': ReadNumbers((short[])column.Values, firstRow, rows, chunk, rowWidth); break;
                case 'J': ReadNumbers((int[])column.Values, firstRow, rows, chunk, rowWidth); break;
                case 'K': ReadNumbers((long[])column.Values, firstRow, rows, chunk, rowWidth); break;
                case 'E': ReadNumbers((float[])column.Values, firstRow, rows, chunk, rowWidth); break;
                case 'D': ReadNumbers((double[])column.Values, firstRow, rows, chunk, rowWidth); break;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void WriteNumbers<T>(T[] values, int firstRow, int rows, Span<byte> chunk, int rowWidth)
            where T : unmanaged
        {
            var n = column.Repeat;
            var size = Unsafe.SizeOf<T>();
            var source = values.AsSpan(firstRow * n, rows * n);
            if (n > 1 || size == 1)
            {
                for (var r = 0; r < rows; r++)
                {
                    BigEndian.Write<T>(source.Slice(r * n, n), chunk.Slice((r * rowWidth) + offset, n * size));
                }

                return;
            }

            // One element per row: a strided scalar loop. The bounds were checked by the slices above
            // (rows values in source) and by Fill (rows whole rows in chunk).
            if (chunk.Length < (rows * rowWidth) || offset + size > rowWidth)
            {
                throw new InvalidOperationException("Table chunk smaller than its rows.");
            }

            ref var s = ref MemoryMarshal.GetReference(source);
            ref var d = ref Unsafe.Add(ref MemoryMarshal.GetReference(chunk), offset);
            for (var r = 0; r < rows; r++)
            {
                ref var target = ref Unsafe.Add(ref d, r * rowWidth);
                switch (size)
                {
                    case 2:
                        Unsafe.WriteUnaligned(ref target, BinaryPrimitives.ReverseEndianness(Unsafe.As<T, ushort>(ref Unsafe.Add(ref s, r))));
                        break;
                    case 4:
                        Unsafe.WriteUnaligned(ref target, BinaryPrimitives.ReverseEndianness(Unsafe.As<T, uint>(ref Unsafe.Add(ref s, r))));
                        break;
                    default:
                        Unsafe.WriteUnaligned(ref target, BinaryPrimitives.ReverseEndianness(Unsafe.As<T, ulong>(ref Unsafe.Add(ref s, r))));
                        break;
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ReadNumbers<T>(T[] values, int firstRow, int rows, ReadOnlySpan<byte> chunk, int rowWidth)
            where T : unmanaged
        {
            var n = column.Repeat;
            var size = Unsafe.SizeOf<T>();
            var target = values.AsSpan(firstRow * n, rows * n);
            if (n > 1 || size == 1)
            {
                for (var r = 0; r < rows; r++)
                {
                    BigEndian.Read(chunk.Slice((r * rowWidth) + offset, n * size), target.Slice(r * n, n));
                }

                return;
            }

            if (chunk.Length < (rows * rowWidth) || offset + size > rowWidth)
            {
                throw new InvalidOperationException("Table chunk smaller than its rows.");
            }

            ref var t = ref MemoryMarshal.GetReference(target);
            ref var s = ref Unsafe.Add(ref MemoryMarshal.GetReference(chunk), offset);
            for (var r = 0; r < rows; r++)
            {
                ref var source = ref Unsafe.Add(ref s, r * rowWidth);
                switch (size)
                {
                    case 2:
                        Unsafe.As<T, ushort>(ref Unsafe.Add(ref t, r)) = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ushort>(ref source));
                        break;
                    case 4:
                        Unsafe.As<T, uint>(ref Unsafe.Add(ref t, r)) = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref source));
                        break;
                    default:
                        Unsafe.As<T, ulong>(ref Unsafe.Add(ref t, r)) = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(ref source));
                        break;
                }
            }
        }
    }
}
