using System.Text.Json.Nodes;
using Sdc.Ccsds;
using Sdc.Processors.Emu.Level0;
using Sdc.Processors.Emu.Tests.Support;

namespace Sdc.Processors.Emu.Tests;

[Collection(EmuProcessorRuns.Name)]
public class Level1Tests(EmuPipelineFixture pipeline)
{
    [Fact]
    public void Run_CleanOrbit_ExitsZeroWithOneEventListNamedAfterTheL0()
    {
        var run = pipeline.Level1Run;
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("OK", (string?)run.End["status"]);
        Assert.All(run.Messages, m => Assert.Equal("info", (string?)m["severity"]));
        var product = Assert.Single(OutputsAssert.Consistent(pipeline.Level1Job.Output))!.AsObject();
        Assert.Equal("emm_emu_l1_20210301T060000_0041_evt_v01-00.fits", (string?)product["name"]);
        Assert.Equal("l1", (string?)product["level"]);
        Assert.Equal(0, (int)product["quality"]!);
        Assert.Equal([Path.GetFileName(pipeline.Simulation.Level0())], product["inputs"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(4, product["kernels"]!.AsArray().Count);
        Assert.Equal("2021-03-01T06:00:00+00:00", DateTimeOffset.Parse((string)product["start"]!, System.Globalization.CultureInfo.InvariantCulture).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Fitsverify_L1File_ReportsNoErrorOrWarning()
    {
        await ExternalTools.AssertFitsVerifyCleanAsync(pipeline.Level1Path);
    }

    [Fact]
    public async Task Astropy_L1File_ReadsTheEventsTheDecoderFinds()
    {
        EmusLevel0 decoded;
        await using (var stream = File.OpenRead(pipeline.Simulation.Level0()))
        {
            decoded = EmusLevel0Decoder.Decode(stream);
        }

        var seen = (await ExternalTools.PythonJsonAsync("""
            import json, sys
            import numpy as np
            from astropy.io import fits
            with fits.open(sys.argv[1]) as f:
                p, e, fr = f[0].header, f['EVENTS'], f['FRAMES']
                d = e.data
                print(json.dumps({
                    'names': [h.name for h in f],
                    'dtypes': [d[n].dtype.name for n in ('X', 'Y', 'TIME', 'FRAME')],
                    'units': [e.header.get('TUNIT%d' % i) for i in (1, 2, 3)],
                    'nevents': p['NEVENTS'], 'rows': len(d), 'quality': p['QUALITY'], 'orbit': p['ORBIT'],
                    'datebeg': p['DATE-BEG'], 'instrume': p['INSTRUME'], 'level': p['LEVEL'], 'input': p['INPUT1'],
                    'x': d['X'][:5].tolist(), 'y': d['Y'][:5].tolist(), 'time': d['TIME'][:5].tolist(),
                    'frame': [int(v) for v in d['FRAME'][[0, -1]]],
                    'xsum': int(d['X'].astype(np.int64).sum()), 'ysum': int(d['Y'].astype(np.int64).sum()),
                    'frames': [int(v) for v in fr.data['FRAME']], 'start': float(fr.data['START'][0]),
                    'start_utc': fr.data['START_UTC'][0], 'duration': float(fr.data['DURATION'][0]),
                    'frame_events': int(fr.data['EVENTS'].sum()), 'frame_quality': int(fr.data['QUALITY'].max()),
                    'packets': [int(fr.data['PACKETS'].sum()), int(fr.data['NPACKETS'].sum())],
                }))
            """, pipeline.Level1Path)).AsObject();

        Assert.Equal(["PRIMARY", "EVENTS", "FRAMES"], seen["names"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["int16", "int16", "float64", "uint32"], seen["dtypes"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["pixel", "pixel", "s"], seen["units"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(decoded.Events.Count, (int)seen["nevents"]!);
        Assert.Equal(decoded.Events.Count, (int)seen["rows"]!);
        Assert.Equal(decoded.Events.Count, (int)seen["frame_events"]!);
        Assert.InRange(decoded.Events.Count, EmuPipelineFixture.Frames * 3000, EmuPipelineFixture.Frames * 4000);
        Assert.Equal(0, (int)seen["quality"]!);
        Assert.Equal(0, (int)seen["frame_quality"]!);
        Assert.Equal(41, (int)seen["orbit"]!);
        Assert.Equal("EMU", (string?)seen["instrume"]);
        Assert.Equal("L1", (string?)seen["level"]);
        Assert.Equal(Path.GetFileName(pipeline.Simulation.Level0()), (string?)seen["input"]);
        Assert.Equal("2021-03-01T06:00:00.000000", (string?)seen["datebeg"]);
        Assert.Equal(decoded.Events.X.Take(5).Select(v => (int)v), seen["x"]!.AsArray().Select(n => (int)n!));
        Assert.Equal(decoded.Events.Y.Take(5).Select(v => (int)v), seen["y"]!.AsArray().Select(n => (int)n!));
        Assert.Equal(decoded.Events.Time.Take(5), seen["time"]!.AsArray().Select(n => (double)n!));
        Assert.Equal(decoded.Events.X.Sum(v => (long)v), (long)seen["xsum"]!);
        Assert.Equal(decoded.Events.Y.Sum(v => (long)v), (long)seen["ysum"]!);
        // The simulator's frame ids are orbit << 16 | frame index.
        Assert.Equal(Enumerable.Range(0, EmuPipelineFixture.Frames).Select(f => (41 << 16) | f), seen["frames"]!.AsArray().Select(n => (int)n!));
        Assert.Equal([41 << 16, (41 << 16) | (EmuPipelineFixture.Frames - 1)], seen["frame"]!.AsArray().Select(n => (int)n!));
        Assert.Equal(CucTime.FromDateTime(Simulated.Start).TotalSeconds, (double)seen["start"]!);
        Assert.Equal("2021-03-01T06:00:00.000000", (string?)seen["start_utc"]);
        Assert.Equal(8.0, (double)seen["duration"]!);
        var packets = seen["packets"]!.AsArray().Select(n => (int)n!).ToArray();
        Assert.Equal(packets[1], packets[0]);
        Assert.Equal(decoded.Packets, packets[0]);
    }

    [Fact]
    public void Run_SameJobTwice_WritesByteIdenticalProducts()
    {
        Assert.True(pipeline.Level1AgainRun.ExitCode == 0, pipeline.Level1AgainRun.ToString());
        var first = OutputsAssert.Consistent(pipeline.Level1Job.Output).Select(p => (string)p!["md5"]!);
        var second = OutputsAssert.Consistent(pipeline.Level1Again.Output).Select(p => (string)p!["md5"]!);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Run_StartAndEndLines_FrameTheMessages()
    {
        var lines = pipeline.Level1Run.Lines;
        Assert.Equal("start", (string?)lines[0]["type"]);
        Assert.Equal("end", (string?)lines[^1]["type"]);
        var decodedMessage = Assert.Single(pipeline.Level1Run.WithCode(EmuMessages.Decoded));
        Assert.Contains($"{EmuPipelineFixture.Frames} frames", (string?)decodedMessage["text"], StringComparison.Ordinal);
        Assert.IsType<JsonObject>(lines[^1]);
    }
}
