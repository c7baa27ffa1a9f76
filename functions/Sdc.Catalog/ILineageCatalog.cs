namespace Sdc.Catalog;

/// <summary>Which files each product was made from (the <c>lineage</c> table).</summary>
public interface ILineageCatalog
{
    /// <summary>Records inputs of a product; inputs already recorded are ignored. Returns how many were added.</summary>
    Task<int> AddInputsAsync(long productId, IReadOnlyList<LineageInput> inputs, CancellationToken cancellationToken);

    /// <summary>The files a product was made from, in registration order.</summary>
    Task<IReadOnlyList<LineageLink>> GetInputsAsync(long productId, CancellationToken cancellationToken);

    /// <summary>The products made from a file, in registration order.</summary>
    Task<IReadOnlyList<LineageLink>> GetDerivedAsync(long inputId, CancellationToken cancellationToken);
}
