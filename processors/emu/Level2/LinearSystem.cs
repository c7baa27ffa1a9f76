namespace Sdc.Processors.Emu.Level2;

/// <summary>Small dense linear algebra for the line fit: Gauss–Jordan with partial pivoting.</summary>
internal static class LinearSystem
{
    /// <summary>Solves A·x = b into <paramref name="x"/>; false when A is singular.</summary>
    public static bool TrySolve(double[,] a, double[] b, double[] x)
    {
        var n = b.Length;
        var inverse = Invert(a);
        if (inverse is null)
        {
            return false;
        }
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                sum += inverse[i, j] * b[j];
            }
            x[i] = sum;
        }
        return x.All(double.IsFinite);
    }

    /// <summary>The inverse of a square matrix, or null when it is singular.</summary>
    public static double[,]? Invert(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        var inverse = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            inverse[i, i] = 1;
        }
        for (var column = 0; column < n; column++)
        {
            var pivot = column;
            for (var row = column + 1; row < n; row++)
            {
                if (Math.Abs(a[row, column]) > Math.Abs(a[pivot, column]))
                {
                    pivot = row;
                }
            }
            if (!(Math.Abs(a[pivot, column]) > 1e-300))
            {
                return null;
            }
            if (pivot != column)
            {
                Swap(a, pivot, column);
                Swap(inverse, pivot, column);
            }
            var scale = 1 / a[column, column];
            for (var j = 0; j < n; j++)
            {
                a[column, j] *= scale;
                inverse[column, j] *= scale;
            }
            for (var row = 0; row < n; row++)
            {
                if (row == column || a[row, column] == 0)
                {
                    continue;
                }
                var factor = a[row, column];
                for (var j = 0; j < n; j++)
                {
                    a[row, j] -= factor * a[column, j];
                    inverse[row, j] -= factor * inverse[column, j];
                }
            }
        }
        return inverse;
    }

    private static void Swap(double[,] m, int r1, int r2)
    {
        for (var j = 0; j < m.GetLength(1); j++)
        {
            (m[r1, j], m[r2, j]) = (m[r2, j], m[r1, j]);
        }
    }
}
