namespace Sdc.Ingest.Integrity;

/// <summary>Which format sanity check a file gets, chosen from its name.</summary>
public enum ContentFormat
{
    /// <summary>Level 0 science or housekeeping: CCSDS space packets end to end.</summary>
    Packets,

    /// <summary>A SPICE kernel: DAF file record or text-kernel header of the right type.</summary>
    Kernel,

    /// <summary>A FITS file: a primary header starting with SIMPLE = T, whole 2880-byte blocks.</summary>
    Fits,

    /// <summary>A PNG image (quicklooks): the 8-byte PNG signature.</summary>
    Png,
}
