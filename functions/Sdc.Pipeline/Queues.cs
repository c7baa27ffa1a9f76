namespace Sdc.Pipeline;

/// <summary>The two job queues of the design: daily processing always goes before reprocessing.</summary>
public static class Queues
{
    public const string Production = "production";
    public const string Reprocessing = "reprocessing";
}
