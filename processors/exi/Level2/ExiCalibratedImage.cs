namespace Sdc.Processors.Exi.Level2;

/// <summary>A calibrated image: signal in electrons per second per pixel (NaN where unknown), its flags, and how many pixels carry each flag.</summary>
public sealed record ExiCalibratedImage(float[] Signal, byte[] Quality, int Missing, int Saturated, int Hot, int BadFlat);
