using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Sdc.Local.Batch;

/// <summary>
/// A job's captured output, one line per line the process printed, in arrival order across stdout
/// and stderr: <c>2021-02-24T06:00:00.123Z out {...}</c>. The runner's own notes (timeout,
/// cancellation, truncation) are tagged <c>batch</c>. Kept as UTF-8 bytes up to a cap, so a
/// flooding processor costs the runner at most the cap. Thread-safe.
/// </summary>
internal sealed class JobLog(long maxBytes, TimeProvider clock)
{
    public const string Out = "out";

    public const string Err = "err";

    public const string Batch = "batch";

    private readonly Lock _gate = new();
    private readonly ArrayBufferWriter<byte> _bytes = new();
    private long _droppedLines;
    private bool _sealed;

    /// <summary>Whether lines have been dropped at the cap.</summary>
    public bool Truncated
    {
        get
        {
            lock (_gate)
            {
                return _droppedLines > 0;
            }
        }
    }

    /// <summary>Appends a line; false when it was dropped (the cap is reached, or the log is sealed).</summary>
    public bool Append(string stream, string text)
    {
        var line = Encoding.UTF8.GetBytes(Format(stream, text));
        lock (_gate)
        {
            if (_sealed)
            {
                return false;
            }
            if (_droppedLines > 0 || _bytes.WrittenCount + line.Length > maxBytes)
            {
                _droppedLines++;
                return false;
            }
            _bytes.Write(line);
            return true;
        }
    }

    /// <summary>Appends a note of the runner's own; notes are few and short, so they pass the cap.</summary>
    public void Note(string text)
    {
        var line = Encoding.UTF8.GetBytes(Format(Batch, text));
        lock (_gate)
        {
            if (!_sealed)
            {
                _bytes.Write(line);
            }
        }
    }

    /// <summary>Ends the log: later lines (from a reader that was given up on) are ignored. Returns the content.</summary>
    public MemoryStream Seal()
    {
        lock (_gate)
        {
            if (!_sealed && _droppedLines > 0)
            {
                _bytes.Write(Encoding.UTF8.GetBytes(Format(Batch,
                    $"log truncated at {maxBytes} bytes: {_droppedLines} later lines dropped")));
            }
            _sealed = true;
            return MemoryMarshal.TryGetArray(_bytes.WrittenMemory, out var written)
                ? new MemoryStream(written.Array!, written.Offset, written.Count, writable: false)
                : new MemoryStream(_bytes.WrittenSpan.ToArray(), writable: false);
        }
    }

    private string Format(string stream, string text) =>
        string.Create(CultureInfo.InvariantCulture, $"{clock.GetUtcNow().UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} {stream} {text}\n");
}
