using Xunit.Abstractions;
using System.Buffers.Binary;
using Sdc.Instruments;
using Sdc.Processors.Emu.Tests.Support;

namespace Sdc.Processors.Emu.Tests;

[Collection(EmuProcessorRuns.Name)]
public class Level2Tests(EmuPipelineFixture pipeline, ITestOutputHelper output)
{
    // The README states these tolerances; they hold for an orbit of 60 frames (~200 000 events).
    private const double CentreToleranceNm = 0.2;
    private const double RelativeFluxTolerance = 0.10;
    private const double ShadowResidualTolerance = 0.03;

    [Fact]
    public void Run_CleanL1_ExitsZeroWithL2AndQuicklook()
    {
        var run = pipeline.Level2Run;
        Assert.True(run.ExitCode == 0, run.ToString());
        var products = OutputsAssert.Consistent(pipeline.Level2Job.Output).Select(p => p!.AsObject()).ToList();
        Assert.Equal(["emm_emu_l2_20210301T060000_0041_img_v01-00.fits", "emm_emu_ql_20210301T060000_0041_img_v01-00.png"],
            products.Select(p => (string)p["name"]!).Order(StringComparer.Ordinal));
        Assert.All(products, p => Assert.Equal(0, (int)p["quality"]!));
        Assert.All(products, p => Assert.Equal(2, p["calibration"]!.AsArray().Count));
        Assert.All(products, p => Assert.Equal([Path.GetFileName(pipeline.Level1Path)], p["inputs"]!.AsArray().Select(n => (string)n!)));
    }

    [Fact]
    public async Task Fitsverify_L2File_ReportsNoErrorOrWarning()
    {
        await ExternalTools.AssertFitsVerifyCleanAsync(pipeline.Level2Path);
    }

    [Fact]
    public async Task Astropy_L2File_HasSpectralImageWithWavelengthWcsAndSpectrum()
    {
        var seen = (await ExternalTools.PythonJsonAsync("""
            import json, sys, warnings
            import numpy as np
            from astropy.io import fits
            from astropy.wcs import WCS
            with fits.open(sys.argv[1]) as f, fits.open(sys.argv[2]) as w:
                h = f[0].header
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter('always')
                    wcs = WCS(h)
                # astropy only derives MJD-BEG/END from DATE-BEG/END ('datfix'); anything else is a header problem.
                problems = [str(c.message) for c in caught if 'datfix' not in str(c.message)]
                wave = wcs.pixel_to_world_values(np.array([0.0, 1023.0]), np.array([0.0, 0.0]))[0]
                s = f['SPECTRUM'].data
                print(json.dumps({
                    'names': [x.name for x in f], 'shape': list(f[0].data.shape), 'dtype': str(f[0].data.dtype),
                    'bunit': h['BUNIT'], 'cunit1': h['CUNIT1'], 'ctype1': h['CTYPE1'], 'wcs_nm': [float(v) * 1e9 for v in wave],
                    'exposure': h['EXPOSURE'], 'level': h['LEVEL'], 'calib': [h['CALIB1'], h['CALIB2']],
                    'spectrum_rows': len(s), 'spectrum_wave_equals_cal': bool(np.array_equal(s['WAVELENGTH'], w['WAVELENGTH'].data['WAVELENGTH'])),
                    'flux_equals_image_sum': bool(np.allclose(s['FLUX'], np.nansum(f[0].data.astype(np.float64), axis=0), rtol=1e-5)),
                    'error_shape': list(f['ERROR'].data.shape), 'wcs_problems': problems, 'finite': bool(np.isfinite(f[0].data).all()),
                }))
            """, pipeline.Level2Path, pipeline.Simulation.Calibration("wave"))).AsObject();

        Assert.Equal(["PRIMARY", "ERROR", "SPECTRUM", "LINES"], seen["names"]!.AsArray().Select(n => (string)n!));
        Assert.Equal([128, 1024], seen["shape"]!.AsArray().Select(n => (int)n!));
        Assert.Empty(seen["wcs_problems"]!.AsArray());
        Assert.Equal([128, 1024], seen["error_shape"]!.AsArray().Select(n => (int)n!));
        Assert.Equal(">f4", (string?)seen["dtype"]);
        Assert.Equal("count/s", (string?)seen["bunit"]);
        Assert.Equal("WAVE", (string?)seen["ctype1"]);
        Assert.Equal("nm", (string?)seen["cunit1"]);
        var wcs = seen["wcs_nm"]!.AsArray().Select(n => (double)n!).ToArray();
        Assert.Equal(EmusTruth.WavelengthAt(0), wcs[0], 9);
        Assert.Equal(EmusTruth.WavelengthAt(1023), wcs[1], 9);
        Assert.Equal(EmuPipelineFixture.Frames * 8.0, (double)seen["exposure"]!);
        Assert.Equal("L2", (string?)seen["level"]);
        Assert.Equal(1024, (int)seen["spectrum_rows"]!);
        Assert.True((bool)seen["spectrum_wave_equals_cal"]!);
        Assert.True((bool)seen["flux_equals_image_sum"]!);
        Assert.True((bool)seen["finite"]!);
    }

    [Fact]
    public async Task Lines_L2Spectrum_RecoverThePlantedLinesWithinTolerance()
    {
        var seen = (await ExternalTools.PythonJsonAsync("""
            import json, sys
            from astropy.io import fits
            with fits.open(sys.argv[1]) as f:
                d = f['LINES'].data
                print(json.dumps([{'name': n.strip(), 'wave': float(w), 'rel': float(r), 'fwhm': float(h)}
                                  for n, w, r, h in zip(d['NAME'], d['WAVELENGTH'], d['RELFLUX'], d['FWHM'])]))
            """, pipeline.Level2Path)).AsArray();

        Assert.Equal(EmusTruth.Lines.Count, seen.Count);
        var report = string.Join("\n", seen.Select(l => l!.ToJsonString()));
        output.WriteLine(report);
        foreach (var truth in EmusTruth.Lines)
        {
            var line = seen.Single(l => (string?)l!["name"] == truth.Name)!;
            Assert.True(Math.Abs((double)line["wave"]! - truth.WavelengthNm) <= CentreToleranceNm, $"{truth.Name}: {report}");
            Assert.True(Math.Abs((double)line["rel"]! - truth.RelativeIntensity) <= RelativeFluxTolerance * truth.RelativeIntensity, $"{truth.Name}: {report}");
            Assert.True(Math.Abs((double)line["fwhm"]! - EmusTruth.LineFwhmNm) <= 0.1, $"{truth.Name}: {report}");
        }
    }

    [Fact]
    public async Task FlatField_GridWireShadows_AreRemovedFromTheL2Image()
    {
        // Shadow rows are 60–63 of every 128; with 8 rows per L2 row they fall in L2 rows 7, 23, 39, …
        // Each shadow row's flux is compared with the mean of its two neighbours, summed over all of them.
        var seen = (await ExternalTools.PythonJsonAsync("""
            import json, sys
            import numpy as np
            from astropy.io import fits
            with fits.open(sys.argv[1]) as l2, fits.open(sys.argv[2]) as l1:
                profile = np.nansum(l2[0].data.astype(np.float64), axis=1)
                raw = np.bincount(l1['EVENTS'].data['Y'].astype(np.int64) // 8, minlength=128).astype(np.float64)
            def ratio(p):
                rows = np.arange(7, 128, 16)
                return float(p[rows].sum() / (0.5 * (p[rows - 1] + p[rows + 1])).sum())
            print(json.dumps({'corrected': ratio(profile), 'raw': ratio(raw)}))
            """, pipeline.Level2Path, pipeline.Level1Path)).AsObject();
        output.WriteLine(seen.ToJsonString());

        // The raw events show the shadow (4 of 8 rows at 70 %: about 0.85), the flat-fielded image does not.
        Assert.InRange((double)seen["raw"]!, 0.80, 0.90);
        Assert.InRange((double)seen["corrected"]!, 1 - ShadowResidualTolerance, 1 + ShadowResidualTolerance);
    }

    [Fact]
    public void Quicklook_Png_IsTheSpectralImageSize()
    {
        var bytes = File.ReadAllBytes(pipeline.QuicklookPath);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        Assert.Equal(1024, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(128, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
