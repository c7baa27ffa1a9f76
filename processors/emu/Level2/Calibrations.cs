using Sdc.Formats.Fits;
using Sdc.Processing;
using Sdc.Products;

namespace Sdc.Processors.Emu.Level2;

/// <summary>Finds the job's flat and wave calibration files and reads them; any problem is EMU-E006 naming the file.</summary>
internal static class Calibrations
{
    public static (FlatField Flat, WavelengthScale Wave) Load(ProcessingContext context)
    {
        var flatFile = Find(context.Job, "flat");
        var waveFile = Find(context.Job, "wave");
        return (Read(flatFile, context, FlatField.From), Read(waveFile, context, WavelengthScale.From));
    }

    private static JobFile Find(ProcessorJob job, string descriptor)
    {
        var found = job.Calibration.Where(c => (c.Type ?? ProductNames.Parse(c).Descriptor) == descriptor).ToList();
        return found.Count == 1
            ? found[0]
            : throw new BadInputException(EmuMessages.BadCalibration,
                $"the job must name exactly one EMUS '{descriptor}' calibration file; it names {found.Count} (calibration: {string.Join(", ", job.Calibration.Select(c => c.Name))})");
    }

    private static T Read<T>(JobFile file, ProcessingContext context, Func<FitsFile, T> interpret)
    {
        try
        {
            return interpret(FitsFile.Load(context.InputPath(file)));
        }
        catch (FitsFormatException e)
        {
            throw new BadInputException(EmuMessages.BadCalibration, $"{file.Name}: {e.Message}", file.Name, e.Offset);
        }
        catch (Exception e) when (e is FitsChecksumException or FormatException or IOException)
        {
            throw new BadInputException(EmuMessages.BadCalibration, $"{file.Name}: {e.Message}", file.Name);
        }
    }
}
