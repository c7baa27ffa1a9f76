using System.Globalization;
using Sdc.Promotion.Settings;
using Sdc.Simulator;

namespace Sdc.Promotion.Reference;

/// <summary>
/// A reference set made by the simulator: one instrument's Level 0, with the housekeeping, kernels
/// and calibration it needs, for a fixed window and seed, at a size that keeps a validation to
/// seconds of processing (128-pixel EXI frames, 8 EMIRS scans and 6 EMUS frames an orbit). The same
/// window and seed give byte-identical files, hence the same reference checksum.
/// </summary>
public static class SimulatedReference
{
    public static async Task<ReferenceSet> CreateAsync(Mission.Mission mission, string instrument, ReferenceWindow window, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (!SimulationOptions.ScienceInstruments.Contains(instrument))
        {
            throw new ArgumentException(
                $"The simulator makes data for {string.Join(", ", SimulationOptions.ScienceInstruments)}, not '{instrument}'; give a reference set with --reference <folder>.");
        }
        var options = new SimulationOptions([instrument], window.Start, window.Orbits, Path.GetFullPath(folder), window.Seed)
        {
            ExiImageSize = 128,
            EmirsScansPerOrbit = 8,
            EmusFramesPerOrbit = 6,
        };
        await new MissionSimulator(mission).RunAsync(options, progress: null, cancellationToken);
        var source = string.Create(CultureInfo.InvariantCulture,
            $"simulated: {instrument}, {window.Orbits} orbit(s) from {window.Start:yyyy-MM-ddTHH:mm:ssZ}, seed {window.Seed}");
        return await ReferenceSet.LoadAsync(mission, folder, source, cancellationToken);
    }
}
