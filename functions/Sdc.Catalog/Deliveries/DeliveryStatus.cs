namespace Sdc.Catalog;

/// <summary>Where a delivery stands. Stored upper-case in <c>deliveries.status</c>.</summary>
public enum DeliveryStatus
{
    /// <summary>Some listed files have not arrived (or not been checked) yet.</summary>
    Waiting,

    /// <summary>Every listed file has an outcome; the manifest, if any, is written.</summary>
    Complete,
}
