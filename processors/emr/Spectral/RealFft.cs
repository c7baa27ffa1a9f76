using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sdc.Processors.Emr.Spectral;

/// <summary>
/// The discrete Fourier transform of a real sequence of power-of-two length N in numpy's
/// <c>rfft</c> convention: X_k = Σ x_n·e^(−2πikn/N) for k = 0…N/2.
/// <para>
/// The N reals are packed as N/2 complex values z_m = x_2m + i·x_2m+1 (loaded in bit-reversed
/// order), transformed in place by a radix-2 decimation-in-time FFT of length N/2 on split real and
/// imaginary arrays, and unpacked into the N/2 + 1 bins. Twiddles are computed once, each directly
/// from cos/sin (no recurrence, so no accumulated rounding); stages with at least
/// <see cref="Vector{T}.Count"/> butterflies per group run on <see cref="Vector{T}"/> (AVX2 on x64,
/// NEON on arm64). Nothing is allocated after construction.
/// </para>
/// <para>An instance owns its scratch arrays: use one per thread.</para>
/// </summary>
public sealed class RealFft
{
    private readonly int _half;
    private readonly int _mask;
    private readonly int[] _bitReverse;
    private readonly double[] _stageRe;
    private readonly double[] _stageIm;
    private readonly double[] _unpackRe;
    private readonly double[] _unpackIm;
    private readonly double[] _re;
    private readonly double[] _im;

    /// <param name="length">N: a power of two, at least 8.</param>
    public RealFft(int length)
    {
        if (length < 8 || (length & (length - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "The FFT length must be a power of two of at least 8.");
        }

        Length = length;
        _half = length / 2;
        _mask = length - 1;
        var bits = BitOperations.Log2((uint)_half);
        _bitReverse = new int[_half];
        for (var m = 0; m < _half; m++)
        {
            _bitReverse[m] = (int)(ReverseBits((uint)m) >> (32 - bits));
        }

        // Stage twiddles: the stage that joins halves of h butterflies uses e^(−iπk/h), k < h,
        // stored at [h + k] (h = 1, 2, 4, … N/4), so each stage reads a contiguous run.
        _stageRe = new double[_half];
        _stageIm = new double[_half];
        for (var h = 1; h < _half; h <<= 1)
        {
            for (var k = 0; k < h; k++)
            {
                var angle = -Math.PI * k / h;
                _stageRe[h + k] = Math.Cos(angle);
                _stageIm[h + k] = Math.Sin(angle);
            }
        }

        // Unpacking twiddles W_k = e^(−2πik/N), k = 0…N/4.
        _unpackRe = new double[(_half / 2) + 1];
        _unpackIm = new double[(_half / 2) + 1];
        for (var k = 0; k < _unpackRe.Length; k++)
        {
            var angle = -2 * Math.PI * k / length;
            _unpackRe[k] = Math.Cos(angle);
            _unpackIm[k] = Math.Sin(angle);
        }

        _re = new double[_half];
        _im = new double[_half];
    }

    /// <summary>N, the number of real samples transformed.</summary>
    public int Length { get; }

    /// <summary>N/2 + 1, the number of frequency bins.</summary>
    public int Bins => _half + 1;

    /// <summary>Loads <paramref name="samples"/> (N values).</summary>
    public void Load(ReadOnlySpan<double> samples)
    {
        RequireLength(samples.Length, nameof(samples));
        var re = _re;
        var im = _im;
        var reverse = _bitReverse;
        for (var m = 0; m < reverse.Length; m++)
        {
            var j = reverse[m];
            re[j] = samples[2 * m];
            im[j] = samples[(2 * m) + 1];
        }
    }

    /// <summary>
    /// Loads x_n = samples_n · window_((n − centre) mod N): a window defined around sample 0 (its
    /// left half wrapped to the end, as a circular function) moved to <paramref name="centre"/>, e.g.
    /// an apodization centred on an interferogram's zero path difference.
    /// </summary>
    public void LoadWindowed(ReadOnlySpan<int> samples, ReadOnlySpan<double> window, int centre)
    {
        RequireLength(samples.Length, nameof(samples));
        RequireLength(window.Length, nameof(window));
        // Lengths checked above: every index below is masked to N − 1 or is a bit-reversed m < N/2.
        ref var re = ref MemoryMarshal.GetArrayDataReference(_re);
        ref var im = ref MemoryMarshal.GetArrayDataReference(_im);
        ref var reverse = ref MemoryMarshal.GetArrayDataReference(_bitReverse);
        ref var x = ref MemoryMarshal.GetReference(samples);
        ref var w = ref MemoryMarshal.GetReference(window);
        var mask = _mask;
        for (var m = 0; m < _half; m++)
        {
            var n = 2 * m;
            var j = Unsafe.Add(ref reverse, m);
            Unsafe.Add(ref re, j) = Unsafe.Add(ref x, n) * Unsafe.Add(ref w, (n - centre) & mask);
            Unsafe.Add(ref im, j) = Unsafe.Add(ref x, n + 1) * Unsafe.Add(ref w, (n + 1 - centre) & mask);
        }
    }

    /// <summary>Transforms what was loaded (in place, in the instance's scratch).</summary>
    public void Transform()
    {
        FirstTwoStages(_re, _im);
        var h = 4;
        if (Vector.IsHardwareAccelerated)
        {
            for (; h < Vector<double>.Count && h < _half; h <<= 1)
            {
                ScalarStage(h);
            }

            for (; h < _half; h <<= 1)
            {
                VectorStage(h);
            }
        }
        else
        {
            for (; h < _half; h <<= 1)
            {
                ScalarStage(h);
            }
        }
    }

    /// <summary>|X_k| for k = 0…N/2 of the transformed data.</summary>
    public void Magnitude(Span<double> magnitude)
    {
        if (magnitude.Length < Bins)
        {
            throw new ArgumentException($"{Bins} bins need as many values; the destination holds {magnitude.Length}.", nameof(magnitude));
        }

        var re = _re;
        var im = _im;
        var half = _half;
        magnitude[0] = Math.Abs(re[0] + im[0]);
        magnitude[half] = Math.Abs(re[0] - im[0]);
        // Bins k and N/2 − k come from the same pair Z_k, Z_(N/2−k): X_k = E + W·O and
        // X_(N/2−k) = conj(E − W·O), with E, O the transforms of the even and odd samples.
        var k = 1;
        if (Vector256.IsHardwareAccelerated)
        {
            k = MagnitudeVector256(magnitude);
        }

        for (; k <= half / 2; k++)
        {
            var (xr, xi, yr, yi) = Unpack(re, im, k, half);
            magnitude[k] = Math.Sqrt((xr * xr) + (xi * xi));
            magnitude[half - k] = Math.Sqrt((yr * yr) + (yi * yi));
        }
    }

    /// <summary>X_k (real and imaginary parts) for k = 0…N/2 of the transformed data.</summary>
    public void Spectrum(Span<double> real, Span<double> imaginary)
    {
        if (real.Length < Bins || imaginary.Length < Bins)
        {
            throw new ArgumentException($"{Bins} bins need as many values in both destinations.", nameof(real));
        }

        var re = _re;
        var im = _im;
        var half = _half;
        real[0] = re[0] + im[0];
        imaginary[0] = 0;
        real[half] = re[0] - im[0];
        imaginary[half] = 0;
        for (var k = 1; k <= half / 2; k++)
        {
            var (xr, xi, yr, yi) = Unpack(re, im, k, half);
            real[k] = xr;
            imaginary[k] = xi;
            real[half - k] = yr;
            imaginary[half - k] = -yi;
        }
    }

    /// <summary>Loads, transforms and unpacks: numpy's <c>np.fft.rfft(samples)</c>.</summary>
    public void Forward(ReadOnlySpan<double> samples, Span<double> real, Span<double> imaginary)
    {
        Load(samples);
        Transform();
        Spectrum(real, imaginary);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (double Xr, double Xi, double Yr, double Yi) Unpack(double[] re, double[] im, int k, int half)
    {
        double zr = re[k], zi = im[k];
        double cr = re[half - k], ci = -im[half - k];
        double er = 0.5 * (zr + cr), ei = 0.5 * (zi + ci);
        double dr = 0.5 * (zr - cr), di = 0.5 * (zi - ci);
        // O = −i·D = (di, −dr); W·O with W = (wr, wi).
        double wr = _unpackRe[k], wi = _unpackIm[k];
        var tr = (wr * di) + (wi * dr);
        var ti = (wi * di) - (wr * dr);
        // X_k = E + W·O; Y = E − W·O, whose conjugate is X_(N/2−k).
        return (er + tr, ei + ti, er - tr, ei - ti);
    }

    // The unpacking loop of Magnitude, four bins k (and four bins N/2 − k, read and written
    // reversed) at a time; returns the first k left for the scalar loop.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int MagnitudeVector256(Span<double> magnitude)
    {
        var half = _half;
        var last = half / 2;
        ref var re = ref MemoryMarshal.GetArrayDataReference(_re);
        ref var im = ref MemoryMarshal.GetArrayDataReference(_im);
        ref var twr = ref MemoryMarshal.GetArrayDataReference(_unpackRe);
        ref var twi = ref MemoryMarshal.GetArrayDataReference(_unpackIm);
        ref var output = ref MemoryMarshal.GetReference(magnitude);
        var reverse = Vector256.Create(3L, 2, 1, 0);
        var halfVector = Vector256.Create(0.5);
        var k = 1;
        // k + 3 ≤ N/4 keeps both k…k+3 and N/2−k−3…N/2−k inside the arrays (N/2 elements, and
        // N/4 + 1 unpacking twiddles).
        for (; k + 3 <= last; k += 4)
        {
            var mirror = (nuint)(half - k - 3);
            var zr = Vector256.LoadUnsafe(ref re, (nuint)k);
            var zi = Vector256.LoadUnsafe(ref im, (nuint)k);
            var cr = Vector256.Shuffle(Vector256.LoadUnsafe(ref re, mirror), reverse);
            var ci = -Vector256.Shuffle(Vector256.LoadUnsafe(ref im, mirror), reverse);
            var er = halfVector * (zr + cr);
            var ei = halfVector * (zi + ci);
            var dr = halfVector * (zr - cr);
            var di = halfVector * (zi - ci);
            var wr = Vector256.LoadUnsafe(ref twr, (nuint)k);
            var wi = Vector256.LoadUnsafe(ref twi, (nuint)k);
            var tr = (wr * di) + (wi * dr);
            var ti = (wi * di) - (wr * dr);
            var xr = er + tr;
            var xi = ei + ti;
            var yr = er - tr;
            var yi = ei - ti;
            Vector256.Sqrt((xr * xr) + (xi * xi)).StoreUnsafe(ref output, (nuint)k);
            Vector256.Shuffle(Vector256.Sqrt((yr * yr) + (yi * yi)), reverse).StoreUnsafe(ref output, mirror);
        }

        return k;
    }

    // The butterflies of half-size 1 and 2 together, four points at a time (twiddles 1 and −i).
    private void FirstTwoStages(double[] real, double[] imaginary)
    {
        // N/2 is a multiple of 4 (N ≥ 8), so every group of four is inside the arrays.
        ref var re = ref MemoryMarshal.GetArrayDataReference(real);
        ref var im = ref MemoryMarshal.GetArrayDataReference(imaginary);
        for (var s = 0; s < _half; s += 4)
        {
            ref var r = ref Unsafe.Add(ref re, s);
            ref var i = ref Unsafe.Add(ref im, s);
            double r0 = r, r1 = Unsafe.Add(ref r, 1), r2 = Unsafe.Add(ref r, 2), r3 = Unsafe.Add(ref r, 3);
            double i0 = i, i1 = Unsafe.Add(ref i, 1), i2 = Unsafe.Add(ref i, 2), i3 = Unsafe.Add(ref i, 3);
            double ar = r0 + r1, ai = i0 + i1, br = r0 - r1, bi = i0 - i1;
            double cr = r2 + r3, ci = i2 + i3, dr = r2 - r3, di = i2 - i3;
            r = ar + cr;
            i = ai + ci;
            Unsafe.Add(ref r, 2) = ar - cr;
            Unsafe.Add(ref i, 2) = ai - ci;
            // d·(−i) = (di, −dr)
            Unsafe.Add(ref r, 1) = br + di;
            Unsafe.Add(ref i, 1) = bi - dr;
            Unsafe.Add(ref r, 3) = br - di;
            Unsafe.Add(ref i, 3) = bi + dr;
        }
    }

    private void ScalarStage(int h)
    {
        var re = _re;
        var im = _im;
        for (var s = 0; s < _half; s += 2 * h)
        {
            for (var k = 0; k < h; k++)
            {
                double wr = _stageRe[h + k], wi = _stageIm[h + k];
                int a = s + k, b = s + k + h;
                var tr = (re[b] * wr) - (im[b] * wi);
                var ti = (re[b] * wi) + (im[b] * wr);
                re[b] = re[a] - tr;
                im[b] = im[a] - ti;
                re[a] += tr;
                im[a] += ti;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void VectorStage(int h)
    {
        // Bounds: s + h + k + Count ≤ N/2 and h + k + Count ≤ N/2 because h is a multiple of Count
        // and the loops stop at their ends.
        ref var re = ref MemoryMarshal.GetArrayDataReference(_re);
        ref var im = ref MemoryMarshal.GetArrayDataReference(_im);
        ref var twr = ref MemoryMarshal.GetArrayDataReference(_stageRe);
        ref var twi = ref MemoryMarshal.GetArrayDataReference(_stageIm);
        var width = Vector<double>.Count;
        for (var s = 0; s < _half; s += 2 * h)
        {
            for (var k = 0; k < h; k += width)
            {
                var wr = Vector.LoadUnsafe(ref twr, (nuint)(h + k));
                var wi = Vector.LoadUnsafe(ref twi, (nuint)(h + k));
                var a = (nuint)(s + k);
                var b = (nuint)(s + k + h);
                var ar = Vector.LoadUnsafe(ref re, a);
                var ai = Vector.LoadUnsafe(ref im, a);
                var br = Vector.LoadUnsafe(ref re, b);
                var bi = Vector.LoadUnsafe(ref im, b);
                var tr = (br * wr) - (bi * wi);
                var ti = (br * wi) + (bi * wr);
                (ar + tr).StoreUnsafe(ref re, a);
                (ai + ti).StoreUnsafe(ref im, a);
                (ar - tr).StoreUnsafe(ref re, b);
                (ai - ti).StoreUnsafe(ref im, b);
            }
        }
    }

    private void RequireLength(int length, string parameter)
    {
        if (length != Length)
        {
            throw new ArgumentException($"The FFT is of length {Length}; got {length} values.", parameter);
        }
    }

    private static uint ReverseBits(uint value)
    {
        value = ((value >> 1) & 0x55555555u) | ((value & 0x55555555u) << 1);
        value = ((value >> 2) & 0x33333333u) | ((value & 0x33333333u) << 2);
        value = ((value >> 4) & 0x0F0F0F0Fu) | ((value & 0x0F0F0F0Fu) << 4);
        value = ((value >> 8) & 0x00FF00FFu) | ((value & 0x00FF00FFu) << 8);
        return (value >> 16) | (value << 16);
    }
}
