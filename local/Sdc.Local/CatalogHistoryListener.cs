using System.Threading.Channels;
using Sdc.Catalog;
using Sdc.States.History;

namespace Sdc.Local;

/// <summary>
/// Persists every execution's history in the catalog. The interpreter calls in on its own path,
/// so events are queued and written by one background writer, in batches.
/// </summary>
public sealed class CatalogHistoryListener : IHistoryListener, IAsyncDisposable
{
    private readonly Channel<(string Execution, HistoryEvent Event)> _queue = Channel.CreateUnbounded<(string, HistoryEvent)>();
    private readonly ICatalog _catalog;
    private readonly Task _writer;

    // An execution driven again after a crash numbers its events from 1 again: they are stored
    // after the ones already recorded, so its history shows both attempts.
    private readonly Dictionary<string, int> _offsets = new(StringComparer.Ordinal);

    public CatalogHistoryListener(ICatalog catalog)
    {
        _catalog = catalog;
        _writer = Task.Run(WriteAsync);
    }

    public void OnEvent(string executionName, HistoryEvent historyEvent) => _queue.Writer.TryWrite((executionName, historyEvent));

    /// <summary>Waits until everything queued so far is written.</summary>
    public async Task FlushAsync()
    {
        while (_queue.Reader.Count > 0)
        {
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteAsync()
    {
        var batch = new List<(string Execution, HistoryEvent Event)>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < 500 && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            foreach (var group in batch.GroupBy(b => b.Execution))
            {
                try
                {
                    if (!_offsets.TryGetValue(group.Key, out var offset))
                    {
                        var recorded = await _catalog.Jobs.GetHistoryAsync(group.Key, CancellationToken.None);
                        offset = _offsets[group.Key] = recorded.Count == 0 ? 0 : recorded.Max(e => e.Seq);
                    }
                    var events = group.Select(g => new ExecutionEvent(offset + (int)g.Event.Id, g.Event.Type, g.Event.StateName,
                        g.Event.Error is null ? null : $"{g.Event.Error}: {g.Event.Cause}", g.Event.Timestamp)).ToList();
                    await _catalog.Jobs.AppendHistoryAsync(group.Key, events, CancellationToken.None);
                }
                catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
                {
                    // History is for people; losing some of it must not stop the pipeline.
                    await Console.Error.WriteLineAsync($"sdc: could not record history of {group.Key}: {e.Message}");
                }
            }
            batch.Clear();
        }
    }
}
