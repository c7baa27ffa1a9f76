namespace Sdc.Formats.Fits;

/// <summary>One header-data unit: <see cref="ImageHdu"/> or <see cref="BinaryTableHdu"/>.</summary>
public abstract class FitsHdu
{
    private protected FitsHdu()
    {
    }

    /// <summary>The non-structural cards (see <see cref="FitsHeader"/>).</summary>
    public FitsHeader Header { get; } = new();

    /// <summary>EXTNAME, read from and written to <see cref="Header"/>.</summary>
    public string? Name
    {
        get => Header.TryGetString("EXTNAME", out var name) ? name : null;
        set
        {
            if (value is null)
            {
                Header.Remove("EXTNAME");
            }
            else
            {
                Header.Set("EXTNAME", value, "extension name");
            }
        }
    }

    /// <summary>"IMAGE" or "BINTABLE", as in XTENSION.</summary>
    public abstract string Kind { get; }

    /// <summary>The structural cards, in the order the standard requires, after SIMPLE or XTENSION.</summary>
    internal abstract void AppendStructuralCards(List<FitsCard> cards, bool primary);

    /// <summary>Checks that the HDU can be written; throws <see cref="InvalidOperationException"/> naming what is wrong.</summary>
    internal abstract void Validate(string where);

    internal abstract DataCodec CreateCodec();

    internal virtual bool IsStructural(string keyword) => FitsStructure.IsCommonStructural(keyword);
}
