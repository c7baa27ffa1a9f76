namespace Sdc.Simulator;

/// <summary>
/// xoshiro256** seeded through SplitMix64: the same seed and stream name give the same numbers on
/// every machine and .NET version (unlike <see cref="Random"/>, whose algorithm is not promised).
/// Each file gets its own stream ("exi/0003"), so files can be written in parallel and in any order.
/// </summary>
internal sealed class DeterministicRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareGaussian;

    public DeterministicRandom(long seed, string stream)
    {
        // FNV-1a of the stream name, mixed with the seed: string.GetHashCode differs per process.
        var hash = 14695981039346656037UL;
        foreach (var c in stream)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        var state = (ulong)seed ^ hash;
        _s0 = SplitMix(ref state);
        _s1 = SplitMix(ref state);
        _s2 = SplitMix(ref state);
        _s3 = SplitMix(ref state);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, <paramref name="exclusiveMax"/>).</summary>
    public int NextInt(int exclusiveMax) => (int)((NextUInt64() >> 33) * (ulong)exclusiveMax >> 31);

    /// <summary>Standard normal (Box–Muller; the second value of each pair is kept for the next call).</summary>
    public double NextGaussian()
    {
        if (_spareGaussian is { } spare)
        {
            _spareGaussian = null;
            return spare;
        }
        double u;
        do
        {
            u = NextDouble();
        }
        while (u <= double.Epsilon);
        var v = NextDouble();
        var radius = Math.Sqrt(-2 * Math.Log(u));
        var angle = 2 * Math.PI * v;
        _spareGaussian = radius * Math.Sin(angle);
        return radius * Math.Cos(angle);
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
