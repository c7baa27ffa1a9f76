namespace Sdc.Instruments;

/// <summary>
/// The planet EXI sees: a Mars disc centred in the frame, radius <see cref="DiscRadiusFraction"/>
/// of the shorter side, with Minnaert limb darkening and, in the visible filters, albedo
/// markings. Black sky outside. Brightness at the disc centre is the filter's
/// <see cref="ExiFilterTruth.SceneElectronsPerSecond"/>.
/// </summary>
public static class ExiScene
{
    public const double DiscRadiusFraction = 0.42;

    /// <summary>Minnaert exponent in the UV (hazy, flatter disc) and in the visible.</summary>
    public const double UltravioletLimbExponent = 0.3;

    public const double VisibleLimbExponent = 0.7;

    /// <summary>Contrast of the albedo markings in the visible filters (UV: a fifth of it).</summary>
    public const double MarkingContrast = 0.2;

    public static double ElectronsPerSecond(ExiFilter filter, int x, int y, int width, int height)
    {
        var radius = DiscRadiusFraction * Math.Min(width, height);
        var dx = (x + 0.5 - (width / 2.0)) / radius;
        var dy = (y + 0.5 - (height / 2.0)) / radius;
        var d2 = (dx * dx) + (dy * dy);
        if (d2 >= 1)
        {
            return 0;
        }
        var mu = Math.Sqrt(1 - d2);
        var uv = filter.IsUltraviolet();
        var latitude = Math.Asin(dy);
        var longitude = Math.Asin(Math.Clamp(dx / Math.Max(Math.Cos(latitude), 1e-9), -1, 1));
        var contrast = uv ? MarkingContrast / 5 : MarkingContrast;
        var markings = 1 + (contrast * Math.Sin(3 * longitude) * Math.Cos(2 * latitude));
        return ExiTruth.For(filter).SceneElectronsPerSecond * Math.Pow(mu, uv ? UltravioletLimbExponent : VisibleLimbExponent) * markings;
    }
}
