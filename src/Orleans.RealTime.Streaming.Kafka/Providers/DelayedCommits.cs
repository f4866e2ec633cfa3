namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// The committable offsets of one partition with the time each became committable, so that a commit can take the
/// newest one that has been committable for at least <see cref="KafkaStreamOptions.CommitDelay"/>.
/// </summary>
internal sealed class DelayedCommits
{
    private readonly Lock _lock = new();
    private readonly Queue<(long Offset, DateTimeOffset Since)> _noted = new();
    private long _newest = -1;
    private long? _ready;

    /// <summary>Records that <paramref name="offset"/> is committable from <paramref name="now"/> on (ignored unless it is new).</summary>
    public void Note(long? offset, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (offset is { } value && value > _newest)
            {
                _noted.Enqueue((value, now));
                _newest = value;
            }
        }
    }

    /// <summary>The newest offset committable since <paramref name="cutoff"/> or earlier; <see langword="null"/> when none is.</summary>
    public long? ReadyAt(DateTimeOffset cutoff)
    {
        lock (_lock)
        {
            while (_noted.TryPeek(out var oldest) && oldest.Since <= cutoff)
            {
                _ready = _noted.Dequeue().Offset;
            }

            return _ready;
        }
    }
}
