namespace Sdc.Storage.Tests.Support;

/// <summary>
/// A read-only stream over fixed bytes that can misbehave on cue: fail after a number of bytes
/// (a crash of the producer), pause half-way until the test lets it go on, or serve different
/// bytes after being rewound (a file changing under a reader). Seekable or not, as asked.
/// </summary>
public sealed class ScriptedStream(byte[] content, bool seekable) : Stream
{
    private readonly TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _resume = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _position;
    private long _delivered;
    private bool _rewound;

    /// <summary>Throw an <see cref="IOException"/> once this many bytes have been delivered in total (over every pass).</summary>
    public long? FailAfterBytes { get; init; }

    /// <summary>Stop once this many bytes have been delivered, until <see cref="Resume"/> or <see cref="Fail"/>.</summary>
    public long? PauseAfterBytes { get; init; }

    /// <summary>Bytes served instead of the content after the stream has been rewound.</summary>
    public byte[]? ContentAfterRewind { get; init; }

    /// <summary>Completes when the stream reaches <see cref="PauseAfterBytes"/>.</summary>
    public Task Paused => _paused.Task;

    public long Delivered => _delivered;

    public override bool CanRead => true;

    public override bool CanSeek => seekable;

    public override bool CanWrite => false;

    public override long Length => seekable ? content.Length : throw new NotSupportedException();

    public override long Position
    {
        get => seekable ? _position : throw new NotSupportedException();
        set
        {
            if (!seekable)
            {
                throw new NotSupportedException();
            }

            _rewound |= value < _position;
            _position = value;
        }
    }

    public void Resume() => _resume.TrySetResult();

    public void Fail() => _resume.TrySetException(new IOException("Simulated crash of the producer while paused."));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (PauseAfterBytes is { } pauseAt && _delivered >= pauseAt && !_resume.Task.IsCompletedSuccessfully)
        {
            _paused.TrySetResult();
            await _resume.Task.WaitAsync(cancellationToken);
        }

        return ReadCore(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => content.Length + offset,
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int ReadCore(Span<byte> destination)
    {
        var source = _rewound && ContentAfterRewind is not null ? ContentAfterRewind : content;
        var count = (int)Math.Min(destination.Length, source.Length - _position);
        if (PauseAfterBytes is { } pauseAt && _delivered < pauseAt)
        {
            count = (int)Math.Min(count, pauseAt - _delivered);
        }

        if (FailAfterBytes is { } failAt)
        {
            if (_delivered >= failAt)
            {
                throw new IOException("Simulated crash of the producer.");
            }

            count = (int)Math.Min(count, failAt - _delivered);
        }

        if (count <= 0)
        {
            return 0;
        }

        source.AsSpan((int)_position, count).CopyTo(destination);
        _position += count;
        _delivered += count;
        return count;
    }
}
