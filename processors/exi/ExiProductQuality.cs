namespace Sdc.Processors.Exi;

/// <summary>The product-level quality bits EXI puts in outputs.json (and the QUALITY keyword); 0 is good.</summary>
public static class ExiProductQuality
{
    /// <summary>Some pixels had no tile (a sequence gap): see the QUALITY extension.</summary>
    public const int MissingTiles = 1;
}
