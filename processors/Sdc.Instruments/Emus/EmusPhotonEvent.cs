namespace Sdc.Instruments;

/// <summary>
/// One photon detected by EMUS: detector column <see cref="X"/> (spectral, 0–1023), row
/// <see cref="Y"/> (spatial, 0–1023) and arrival time in µs after the frame start (0 to 2²⁸−1).
/// </summary>
public readonly record struct EmusPhotonEvent(int X, int Y, int TimeOffsetMicroseconds);
