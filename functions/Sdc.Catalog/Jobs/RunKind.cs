namespace Sdc.Catalog;

/// <summary>Why a run started. Stored lower-case in <c>runs.kind</c>.</summary>
public enum RunKind
{
    /// <summary>A processing manifest from ingest.</summary>
    Delivery,

    /// <summary>A reprocessing campaign (new kernel, calibration or processor version).</summary>
    Reprocessing,

    /// <summary>Started by hand.</summary>
    Manual,
}
