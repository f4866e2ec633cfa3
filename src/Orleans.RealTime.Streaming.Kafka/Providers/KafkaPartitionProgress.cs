namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// Live progress figures of one partition on this silo, written on the pulling agent's turn (cache, cursors) and by
/// the receiver, read by <see cref="KafkaPartitionWatch"/> so a stalled partition explains itself in the log.
/// </summary>
internal sealed class KafkaPartitionProgress
{
    private long _readCalls;
    private long _handedOut;
    private long _purged;
    private long _purgeRounds;
    private long _nextOffset = -1;
    private long _highWatermark = -1;
    private long _pinnedOffset = long.MaxValue;
    private int _inRead;
    private int _cursors;
    private int _rewinding;
    private int _underPressure;
    private object? _pinnedBy;

    /// <summary>Calls of the receiver's read so far.</summary>
    public long ReadCalls => Volatile.Read(ref _readCalls);

    /// <summary>Records cursors have handed out for delivery so far.</summary>
    public long HandedOut => Volatile.Read(ref _handedOut);

    /// <summary>Records purged from the cache (delivered) so far.</summary>
    public long Purged => Volatile.Read(ref _purged);

    /// <summary>Purge attempts (one per agent read round) so far.</summary>
    public long PurgeRounds => Volatile.Read(ref _purgeRounds);

    /// <summary>The next offset the receiver reads.</summary>
    public long NextOffset
    {
        get => Volatile.Read(ref _nextOffset);
        set => Volatile.Write(ref _nextOffset, value);
    }

    /// <summary>The partition's high watermark when the receiver last read records.</summary>
    public long HighWatermark
    {
        get => Volatile.Read(ref _highWatermark);
        set => Volatile.Write(ref _highWatermark, value);
    }

    /// <summary>Whether the receiver is inside <c>GetQueueMessagesAsync</c> now.</summary>
    public bool InRead => Volatile.Read(ref _inRead) != 0;

    /// <summary>The oldest offset a cursor pinned at the last purge, or <see cref="long.MaxValue"/> for none.</summary>
    public long PinnedOffset => Volatile.Read(ref _pinnedOffset);

    /// <summary>The cursor that pinned <see cref="PinnedOffset"/> at the last purge.</summary>
    public string PinnedBy => Volatile.Read(ref _pinnedBy)?.ToString() ?? "no cursor";

    /// <summary>Cache cursors open at the last purge.</summary>
    public int Cursors => Volatile.Read(ref _cursors);

    /// <summary>Rewind cursors still reading Kafka.</summary>
    public int Rewinding => Volatile.Read(ref _rewinding);

    /// <summary>What the cache last answered when the agent asked whether it is under pressure.</summary>
    public bool UnderPressure => Volatile.Read(ref _underPressure) != 0;

    public void ReadStarted()
    {
        Interlocked.Increment(ref _readCalls);
        Volatile.Write(ref _inRead, 1);
    }

    public void ReadEnded() => Volatile.Write(ref _inRead, 0);

    public void HandOut() => Interlocked.Increment(ref _handedOut);

    public void RewindStarted() => Interlocked.Increment(ref _rewinding);

    public void RewindEnded() => Interlocked.Decrement(ref _rewinding);

    public void Pressure(bool underPressure) => Volatile.Write(ref _underPressure, underPressure ? 1 : 0);

    /// <remarks><paramref name="pinnedBy"/> is kept as is and described only when a report asks (a purge round runs every few milliseconds).</remarks>
    public void PurgeRound(int purged, long pinnedOffset, object? pinnedBy, int cursors)
    {
        Interlocked.Increment(ref _purgeRounds);
        Interlocked.Add(ref _purged, purged);
        Volatile.Write(ref _pinnedOffset, pinnedOffset);
        Volatile.Write(ref _pinnedBy, pinnedBy);
        Volatile.Write(ref _cursors, cursors);
    }
}
