namespace Sdc.Local.Batch;

/// <summary>
/// The two job queues of the design, by the names requests use. Every waiting production job
/// starts before any waiting reprocessing job, so a reprocessing campaign never delays the daily
/// processing (on AWS: two queues on one compute environment, production with the higher priority).
/// </summary>
public static class BatchQueues
{
    public const string Production = "production";

    public const string Reprocessing = "reprocessing";

    /// <summary>The accepted queue names, highest priority first.</summary>
    public static IReadOnlyList<string> All { get; } = [Production, Reprocessing];

    /// <summary>0 for the first-served queue, 1 for the next; -1 for a name that is no queue.</summary>
    internal static int PriorityOf(string? queue)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == queue)
            {
                return i;
            }
        }
        return -1;
    }
}
