namespace Sdc.Processing;

/// <summary>A processor's exit status, as the SDC reads it (and as ITFs' processors in any language must use).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The processing itself failed (a bug, an exhausted resource, an impossible result).</summary>
    public const int ProcessingError = 1;

    /// <summary>The job, its configuration or an input is unusable: fixing the input, not the code, helps.</summary>
    public const int BadInput = 2;

    /// <summary>Products were written, with warnings (data gaps, flagged quality).</summary>
    public const int OkWithWarnings = 3;
}
