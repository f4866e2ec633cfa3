namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// Tracks which read offsets of one partition have been delivered (or dead-lettered) and says the highest offset that
/// is safe to commit: the lowest offset not yet delivered, or one past the last read when all are.
/// </summary>
internal sealed class PartitionOffsetTracker
{
    private readonly Lock _lock = new();
    private readonly Queue<long> _pending = new();
    private readonly HashSet<long> _done = [];
    private long _nextToRead = -1;

    /// <summary>Records pending delivery.</summary>
    public int PendingCount
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>The offset to commit, or <see langword="null"/> before anything was read.</summary>
    public long? Committable
    {
        get
        {
            lock (_lock)
            {
                return _pending.TryPeek(out var first) ? first : _nextToRead >= 0 ? _nextToRead : null;
            }
        }
    }

    /// <summary>Records that <paramref name="offset"/> was read; offsets must arrive in increasing order.</summary>
    public void Read(long offset)
    {
        lock (_lock)
        {
            if (offset < _nextToRead)
            {
                throw new InvalidOperationException($"Offset {offset} read after {_nextToRead - 1}.");
            }

            _pending.Enqueue(offset);
            _nextToRead = offset + 1;
        }
    }

    /// <summary>Records that <paramref name="offset"/> needs no more delivery.</summary>
    public void Done(long offset)
    {
        lock (_lock)
        {
            // An offset no longer pending (reported twice, e.g. dead-lettered and then purged) changes nothing.
            if (!_pending.TryPeek(out var oldest) || offset < oldest)
            {
                return;
            }

            _done.Add(offset);
            while (_pending.TryPeek(out var first) && _done.Remove(first))
            {
                _pending.Dequeue();
            }
        }
    }
}
