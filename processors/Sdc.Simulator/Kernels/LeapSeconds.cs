namespace Sdc.Simulator.Kernels;

/// <summary>TAI − UTC since 1972 (as in NAIF's naif0012.tls): what the simulated LSK holds.</summary>
internal static class LeapSeconds
{
    public static IReadOnlyList<(int DeltaAt, DateOnly From)> Table { get; } =
    [
        (10, new(1972, 1, 1)), (11, new(1972, 7, 1)), (12, new(1973, 1, 1)), (13, new(1974, 1, 1)), (14, new(1975, 1, 1)),
        (15, new(1976, 1, 1)), (16, new(1977, 1, 1)), (17, new(1978, 1, 1)), (18, new(1979, 1, 1)), (19, new(1980, 1, 1)),
        (20, new(1981, 7, 1)), (21, new(1982, 7, 1)), (22, new(1983, 7, 1)), (23, new(1985, 7, 1)), (24, new(1988, 1, 1)),
        (25, new(1990, 1, 1)), (26, new(1991, 1, 1)), (27, new(1992, 7, 1)), (28, new(1993, 7, 1)), (29, new(1994, 7, 1)),
        (30, new(1996, 1, 1)), (31, new(1997, 7, 1)), (32, new(1999, 1, 1)), (33, new(2006, 1, 1)), (34, new(2009, 1, 1)),
        (35, new(2012, 7, 1)), (36, new(2015, 7, 1)), (37, new(2017, 1, 1)),
    ];
}
