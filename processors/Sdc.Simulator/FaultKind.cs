namespace Sdc.Simulator;

/// <summary>The faults the simulator can inject into a delivery.</summary>
public enum FaultKind
{
    /// <summary>The file is cut short in the middle of a packet; the delivery record keeps the full size and MD5 (a transfer cut short).</summary>
    Truncate,

    /// <summary>The last packet declares more bytes than the file holds; the record matches the (bad) file.</summary>
    BadLength,

    /// <summary>Three consecutive packets of the file's APID are missing, so its sequence counts jump.</summary>
    Gap,

    /// <summary>The delivery record gives the file a wrong MD5.</summary>
    BadMd5,
}
