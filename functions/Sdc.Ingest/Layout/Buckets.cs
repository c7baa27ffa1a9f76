namespace Sdc.Ingest.Layout;

/// <summary>The SDC's logical buckets. Adapters map them to folders (locally) or S3 buckets.</summary>
public static class Buckets
{
    /// <summary>Where the MOC delivers; everything here is checked and then leaves.</summary>
    public const string Inbox = "inbox";

    /// <summary>Level 0 data, kernels, calibration, delivery records, manifests, quarantine and reports.</summary>
    public const string Archive = "archive";

    /// <summary>Products and quicklooks (canonical keys), job outputs being indexed, ITF uploads.</summary>
    public const string Products = "products";

    /// <summary>Released products, served without a token.</summary>
    public const string Public = "public";
}
