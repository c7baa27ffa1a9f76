using Sdc.Instruments;
using Sdc.Processors.Emr.Calibration;
using Sdc.Processors.Emr.Products;
using Sdc.Processors.Emr.Spectral;
using Sdc.Processors.Emr.Tests.Support;

namespace Sdc.Processors.Emr.Tests.Calibration;

[Collection(ProcessorTests.Name)]
public class RadiometricCalibrationTests(EmirsDeliveries deliveries)
{
    public static TheoryData<ApodizationFunction> Functions() => [.. Enum.GetValues<ApodizationFunction>()];

    [Theory]
    [MemberData(nameof(Functions))]
    public void Calibrate_AnyApodization_RecoversTheBandsAndThe220KContinuum(ApodizationFunction function)
    {
        var spectra = Calibrate(Settings() with { Apodization = function });

        Assert.Equal(EmirsDeliveries.ScansPerOrbit, spectra.Calibrated);
        BandAnalysis.AssertBandsRecovered(spectra.Wavenumbers, spectra.MeanRadiance,
            function == ApodizationFunction.Triangle ? BandAnalysis.TriangleDepthTolerance : BandAnalysis.DepthTolerance);
        BandAnalysis.AssertContinuum(spectra.Wavenumbers, spectra.MeanBrightnessTemperature, toleranceK: 1);
    }

    [Fact]
    public void Calibrate_LimitsInTheSettings_NarrowTheGridToTheBinsInside()
    {
        var spectra = Calibrate(Settings() with { MinWavenumber = 601, MaxWavenumber = 700 });

        Assert.Equal(602.5, spectra.Wavenumbers[0]);
        Assert.Equal(700, spectra.Wavenumbers[^1]);
        Assert.Equal(40 * EmirsDeliveries.ScansPerOrbit, spectra.Radiance.Length);
    }

    [Fact]
    public void Calibrate_NonMarsScene_IsLeftOutAsNotCalibrated()
    {
        var (scans, _) = InterferogramTable.Read(deliveries.CleanLevel1, "l1");
        var space = new Sdc.Processors.Emr.Level0.EmirsScan(7, scans[0].Time, scans[0].ZpdIndex, 300, EmirsScene.DeepSpace, scans[0].Samples, 0) { ValidSamples = 2048 };

        var spectra = RadiometricCalibration.Calibrate([space, .. scans], Responsivity(), LineShape(), Settings());

        Assert.Equal(ScanQuality.NotCalibrated, spectra.Quality[0]);
        Assert.True(spectra.Radiance.AsSpan(0, spectra.Wavenumbers.Length).ToArray().All(float.IsNaN));
        Assert.Equal(scans.Count, spectra.Calibrated);
    }

    [Fact]
    public void BrightnessTemperature_OfPlanckRadiance_IsTheTemperature()
    {
        foreach (var wavenumber in new[] { 200.0, 667.0, 1650.0 })
        {
            Assert.Equal(220, Planck.BrightnessTemperature(wavenumber, Planck.Radiance(wavenumber, 220)), 1e-9);
        }

        Assert.True(double.IsNaN(Planck.BrightnessTemperature(500, -1e-6)));
    }

    private static EmrSettings Settings() => EmrSettings.From(Sdc.Processing.ProcessorConfig.Empty);

    private CalibratedSpectra Calibrate(EmrSettings settings) =>
        RadiometricCalibration.Calibrate(InterferogramTable.Read(deliveries.CleanLevel1, "l1").Scans, Responsivity(), LineShape(), settings);

    private Responsivity Responsivity() => Sdc.Processors.Emr.Calibration.Responsivity.Load(EmirsDeliveries.CalibrationOf(deliveries.Clean, "rad"), "rad");

    private LineShape LineShape() => Sdc.Processors.Emr.Calibration.LineShape.Load(EmirsDeliveries.CalibrationOf(deliveries.Clean, "ils"), "ils");
}
