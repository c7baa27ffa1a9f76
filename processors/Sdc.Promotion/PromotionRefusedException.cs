namespace Sdc.Promotion;

/// <summary>Promotion was refused; the message says why and what to run first. Nothing was changed.</summary>
public sealed class PromotionRefusedException : Exception
{
    public PromotionRefusedException()
    {
    }

    public PromotionRefusedException(string message)
        : base(message)
    {
    }

    public PromotionRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
