using Sdc.Processors.Emr.Spectral;

namespace Sdc.Processors.Emr.Tests.Spectral;

public class RealFftTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(256)]
    [InlineData(2048)]
    public void Forward_RandomSignal_MatchesNaiveDft(int length)
    {
        var x = RandomSignal(length, seed: length);
        var fft = new RealFft(length);
        var real = new double[fft.Bins];
        var imaginary = new double[fft.Bins];

        fft.Forward(x, real, imaginary);

        var (expectedReal, expectedImaginary) = NaiveDft(x);
        var scale = x.Sum(Math.Abs);
        for (var k = 0; k < fft.Bins; k++)
        {
            Assert.True(Math.Abs(real[k] - expectedReal[k]) < 1e-12 * scale, $"N={length} bin {k}: real {real[k]}, naive {expectedReal[k]}");
            Assert.True(Math.Abs(imaginary[k] - expectedImaginary[k]) < 1e-12 * scale, $"N={length} bin {k}: imaginary {imaginary[k]}, naive {expectedImaginary[k]}");
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(64)]
    [InlineData(2048)]
    public void Magnitude_RandomSignal_IsTheModulusOfTheNaiveDft(int length)
    {
        var x = RandomSignal(length, seed: 7 * length);
        var fft = new RealFft(length);
        var magnitude = new double[fft.Bins];

        fft.Load(x);
        fft.Transform();
        fft.Magnitude(magnitude);

        var (real, imaginary) = NaiveDft(x);
        var scale = x.Sum(Math.Abs);
        for (var k = 0; k < fft.Bins; k++)
        {
            var expected = Math.Sqrt((real[k] * real[k]) + (imaginary[k] * imaginary[k]));
            Assert.True(Math.Abs(magnitude[k] - expected) < 1e-12 * scale, $"N={length} bin {k}: {magnitude[k]}, naive {expected}");
        }
    }

    [Fact]
    public void Forward_Cosine_PutsHalfOfNTimesItsAmplitudeInItsBinAndNothingElsewhere()
    {
        const int N = 2048;
        var x = Enumerable.Range(0, N).Select(n => 3.0 * Math.Cos(2 * Math.PI * 37 * n / N)).ToArray();
        var fft = new RealFft(N);
        var real = new double[fft.Bins];
        var imaginary = new double[fft.Bins];

        fft.Forward(x, real, imaginary);

        Assert.Equal(3.0 * N / 2, real[37], 1e-8);
        Assert.All(Enumerable.Range(0, fft.Bins).Where(k => k != 37), k => Assert.True(Math.Abs(real[k]) + Math.Abs(imaginary[k]) < 1e-8, $"bin {k}"));
    }

    [Fact]
    public void Forward_SameInstanceOnOtherDataInBetween_GivesTheSameResult()
    {
        var fft = new RealFft(512);
        var (a, b) = (RandomSignal(512, 1), RandomSignal(512, 2));
        var first = (new double[fft.Bins], new double[fft.Bins]);
        var again = (new double[fft.Bins], new double[fft.Bins]);

        fft.Forward(a, first.Item1, first.Item2);
        fft.Forward(b, again.Item1, again.Item2);
        fft.Forward(a, again.Item1, again.Item2);

        Assert.Equal(first.Item1, again.Item1);
        Assert.Equal(first.Item2, again.Item2);
    }

    [Fact]
    public void Magnitude_ManyScans_AllocatesNothing()
    {
        var transform = new SpectrumTransform(2048, ApodizationFunction.Hann);
        var scan = Enumerable.Range(0, 2048).Select(n => (n * 7919) % 100_003).ToArray();
        var magnitude = new double[transform.Bins];
        transform.Magnitude(scan, 1000, magnitude);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            transform.Magnitude(scan, 997 + (i % 7), magnitude);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(12)]
    [InlineData(1000)]
    public void Constructor_LengthNotAPowerOfTwoOfAtLeastEight_Throws(int length)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RealFft(length));
    }

    [Fact]
    public void Load_WrongLength_Throws()
    {
        var fft = new RealFft(64);

        Assert.Throws<ArgumentException>(() => fft.Load(new double[63]));
    }

    internal static double[] RandomSignal(int length, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, length).Select(_ => (random.NextDouble() - 0.5) * 1e6)];
    }

    /// <summary>X_k = Σ x_n e^(−2πikn/N), k = 0…N/2, with the angle reduced exactly (kn mod N) before the sine.</summary>
    internal static (double[] Real, double[] Imaginary) NaiveDft(IReadOnlyList<double> x)
    {
        var n = x.Count;
        var real = new double[(n / 2) + 1];
        var imaginary = new double[(n / 2) + 1];
        for (var k = 0; k <= n / 2; k++)
        {
            for (var i = 0; i < n; i++)
            {
                var angle = -2 * Math.PI * ((long)k * i % n) / n;
                real[k] += x[i] * Math.Cos(angle);
                imaginary[k] += x[i] * Math.Sin(angle);
            }
        }

        return (real, imaginary);
    }
}
