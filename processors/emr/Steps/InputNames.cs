using Sdc.Products;

namespace Sdc.Processors.Emr.Steps;

/// <summary>What an input's name must say for a step: an EMIRS file of the step's level, with an orbit.</summary>
public static class InputNames
{
    /// <summary>The orbit in the name of <paramref name="input"/>, which must be an emr file of <paramref name="level"/>.</summary>
    public static int Orbit(Sdc.Processing.JobFile input, string level)
    {
        ArgumentNullException.ThrowIfNull(input);
        var fields = ProductNames.Parse(input);
        if (fields.Instrument != "emr" || fields.Level != level)
        {
            throw new BadInputException(EmrMessages.UnsupportedStep,
                $"{input.Name}: a {fields.Instrument ?? "non-instrument"} {fields.Level ?? fields.Kind.ToString()} file; this step reads emr {level} files", input.Name);
        }

        return fields.Orbit ?? throw new BadInputException(EmrMessages.UnsupportedStep, $"{input.Name}: the name carries no orbit number", input.Name);
    }
}
