namespace Sdc.Ingest.Integrity;

/// <summary>The check a file failed; written into its <c>.reason.json</c> as lower-case text.</summary>
public enum IntegrityCheck
{
    /// <summary>The file name does not follow the mission's naming rules.</summary>
    Name,

    /// <summary>The size differs from the delivery record's.</summary>
    Size,

    /// <summary>The MD5 differs from the delivery record's or the sidecar's.</summary>
    Md5,

    /// <summary>The CCSDS packets do not walk the file: a truncated packet or a length past the end.</summary>
    Packets,

    /// <summary>A SPICE kernel's header does not match its type.</summary>
    Kernel,

    /// <summary>A calibration or uploaded file is not FITS.</summary>
    Fits,

    /// <summary>The delivery record itself is malformed.</summary>
    Record,

    /// <summary>A <c>.md5</c> sidecar holds no MD5.</summary>
    Sidecar,

    /// <summary>The archive already holds this name with other content.</summary>
    Conflict,

    /// <summary>Neither a delivery record nor a sidecar arrived for the file in time.</summary>
    Orphan,

    /// <summary>An uploaded product's name, header or level is not acceptable.</summary>
    Upload,
}
