using System.Numerics;

namespace Sdc.Instruments;

/// <summary>
/// The discrete Fourier transform in numpy's convention, for power-of-two lengths (radix 2, in
/// place): <c>Forward</c> is X[k] = Σ x[n]·e^(−2πikn/N), <c>Inverse</c> is x[n] = (1/N)·Σ X[k]·e^(+2πikn/N).
/// The EMIRS interferogram is the inverse transform of its counts spectrum (see <see cref="EmirsTruth"/>).
/// </summary>
public static class Fourier
{
    public static void Forward(Span<Complex> data) => Transform(data, -1);

    public static void Inverse(Span<Complex> data)
    {
        Transform(data, +1);
        var scale = 1.0 / data.Length;
        for (var i = 0; i < data.Length; i++)
        {
            data[i] *= scale;
        }
    }

    private static void Transform(Span<Complex> data, int sign)
    {
        var n = data.Length;
        if (n == 0 || (n & (n - 1)) != 0)
        {
            throw new ArgumentException($"The length must be a power of two, got {n}.", nameof(data));
        }
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }
            j ^= bit;
            if (i < j)
            {
                (data[i], data[j]) = (data[j], data[i]);
            }
        }
        for (var length = 2; length <= n; length <<= 1)
        {
            var angle = sign * 2 * Math.PI / length;
            var step = new Complex(Math.Cos(angle), Math.Sin(angle));
            for (var start = 0; start < n; start += length)
            {
                var w = Complex.One;
                for (var k = 0; k < length / 2; k++)
                {
                    var even = data[start + k];
                    var odd = data[start + k + (length / 2)] * w;
                    data[start + k] = even + odd;
                    data[start + k + (length / 2)] = even - odd;
                    w *= step;
                }
            }
        }
    }
}
