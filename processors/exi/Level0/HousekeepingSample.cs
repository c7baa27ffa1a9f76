using Sdc.Instruments;

namespace Sdc.Processors.Exi.Level0;

/// <summary>One spacecraft housekeeping sample, its time (UTC) and the file it came from.</summary>
public readonly record struct HousekeepingSample(DateTime Time, HousekeepingRecord Record, string Source);
