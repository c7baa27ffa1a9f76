namespace Sdc.Processors.Emr.Spectral;

/// <summary>
/// An EMIRS interferogram to its magnitude spectrum: apodized around its zero path difference,
/// Fourier transformed (<see cref="RealFft"/>), |X_k| for k = 0…N/2. With the window's value 1 at
/// ZPD, |X_k| keeps the counts scale of the interferogram's spectrum (numpy:
/// <c>np.abs(np.fft.rfft(ifg * np.roll(window, zpd)))</c>). No allocation per scan; one instance
/// per thread.
/// </summary>
public sealed class SpectrumTransform
{
    private readonly RealFft _fft;
    private readonly double[] _window;

    public SpectrumTransform(int length, ApodizationFunction apodization)
    {
        _fft = new RealFft(length);
        _window = Spectral.Apodization.Window(apodization, length);
        Function = apodization;
    }

    public ApodizationFunction Function { get; }

    /// <summary>N, samples per interferogram.</summary>
    public int Length => _fft.Length;

    /// <summary>N/2 + 1 spectral bins.</summary>
    public int Bins => _fft.Bins;

    /// <summary>The window, circular around sample 0 (see <see cref="Spectral.Apodization.Window"/>).</summary>
    public ReadOnlySpan<double> Window => _window;

    /// <summary>Writes |X_k|, k = 0…N/2, of <paramref name="interferogram"/> apodized around <paramref name="zpdIndex"/>.</summary>
    public void Magnitude(ReadOnlySpan<int> interferogram, int zpdIndex, Span<double> magnitude)
    {
        _fft.LoadWindowed(interferogram, _window, zpdIndex);
        _fft.Transform();
        _fft.Magnitude(magnitude);
    }
}
