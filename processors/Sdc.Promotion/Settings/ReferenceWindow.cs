namespace Sdc.Promotion.Settings;

/// <summary>
/// The simulated reference set, when validation is not given one: orbits from <see cref="Start"/>
/// with <see cref="Seed"/>. The same window and seed give byte-identical inputs, so two
/// validations of the same processors see the same data (the report's reference checksum says so).
/// </summary>
public sealed record ReferenceWindow(DateTime Start, int Orbits, long Seed)
{
    /// <summary>EMM's first science day, one orbit window, seed 1.</summary>
    public static ReferenceWindow Default { get; } = new(new DateTime(2021, 2, 24, 0, 0, 0, DateTimeKind.Utc), 1, 1);
}
