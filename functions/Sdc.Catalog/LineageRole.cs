namespace Sdc.Catalog;

/// <summary>Why a file was an input of a product.</summary>
public enum LineageRole
{
    /// <summary>Data of a lower level the product was made from.</summary>
    Input,
    Kernel,
    Calibration,
}
