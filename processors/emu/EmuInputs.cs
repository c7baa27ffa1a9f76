using Sdc.Mission;
using Sdc.Processing;
using Sdc.Products;

namespace Sdc.Processors.Emu;

/// <summary>Checks that a job's input is an EMUS product of the level the step reads, by its mission.yaml name.</summary>
internal static class EmuInputs
{
    public static (DateTime Start, int Orbit) Require(JobFile input, string level, string extension)
    {
        MissionFileName name;
        try
        {
            name = ProductNames.Parse(input);
        }
        catch (BadInputException e)
        {
            throw new BadInputException(EmuMessages.BadStep, e.Message, input.Name);
        }
        if (name.Kind != FileNameKind.Product || name.Instrument != "emu" || name.Level != level || name.Extension != extension
            || name.Start is not { } start || name.Orbit is not { } orbit)
        {
            throw new BadInputException(EmuMessages.BadStep,
                $"{input.Name}: expected an EMUS {level} product (emm_emu_{level}_…_{{orbit}}_…{extension}) as input of the {level} step", input.Name);
        }
        return (start, orbit);
    }
}
