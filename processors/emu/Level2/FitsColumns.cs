using Sdc.Formats.Fits;

namespace Sdc.Processors.Emu.Level2;

/// <summary>Reads a numeric table column of any FITS type as doubles, so calibration files may use J, K, E or D.</summary>
internal static class FitsColumns
{
    /// <exception cref="FormatException">No such column, or it is not numeric with one value per row.</exception>
    public static double[] Doubles(BinaryTableHdu table, string name)
    {
        FitsColumn column;
        try
        {
            column = table[name];
        }
        catch (KeyNotFoundException e)
        {
            throw new FormatException($"{table.Name}: {e.Message}", e);
        }
        if (column.Repeat != 1)
        {
            throw new FormatException($"{table.Name}: column {name} has {column.Repeat} values per row; expected 1");
        }
        return column.Values switch
        {
            short[] v => Array.ConvertAll(v, x => (double)x),
            int[] v => Array.ConvertAll(v, x => (double)x),
            long[] v => Array.ConvertAll(v, x => (double)x),
            float[] v => Array.ConvertAll(v, x => (double)x),
            double[] v => v,
            byte[] v => Array.ConvertAll(v, x => (double)x),
            _ => throw new FormatException($"{table.Name}: column {name} ({column.Format}) is not numeric"),
        };
    }
}
