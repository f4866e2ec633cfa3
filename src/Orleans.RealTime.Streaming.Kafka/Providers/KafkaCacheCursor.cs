using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// A subscriber's position in a partition cache: it follows its stream's links from record to record instead of
/// walking the records of every other stream, and pins every record of the delivery call in flight, from the first
/// it handed out until the pulling agent asks for the next call's records.
/// </summary>
/// <remarks>
/// Orleans' pulling agent collects one delivery call by calling <see cref="MoveNextWithResult"/> and
/// <see cref="GetCurrent"/> up to <c>BatchContainerBatchSize</c> times (stopping early at no data), awaits the
/// delivery, and only then asks for more. So a call's collection ends after <paramref name="deliveryBatchSize"/>
/// records handed out or at no data, and the next move starts the next call: the previous call has completed by then.
/// Orleans 10.4.2 offers this protection only to its own cursors (through an internal interface).
/// </remarks>
internal sealed class KafkaCacheCursor(KafkaQueueCache cache, StreamId streamId, long nextOffset, int deliveryBatchSize) : IQueueCacheCursor
{
    private KafkaCacheEntry? _current;
    private KafkaCacheEntry? _last;
    private KafkaCacheEntry? _callFirst;
    private bool _currentHandedOut;
    private int _callCount;
    private bool _callCollected;
    private long _nextOffset = nextOffset;

    /// <summary>The stream this cursor delivers.</summary>
    public StreamId StreamId => streamId;

    /// <summary>The oldest offset this cursor still needs in the cache, or <see cref="long.MaxValue"/> for none.</summary>
    public long PinnedOffset => _callFirst?.Offset ?? _current?.Offset ?? Next()?.Offset ?? long.MaxValue;

    public IBatchContainer? GetCurrent(out Exception? exception)
    {
        exception = null;
        if (_current is not null && !_currentHandedOut)
        {
            _currentHandedOut = true;
            cache.Progress.HandOut();
            _callFirst ??= _current;
            _callCollected = ++_callCount >= deliveryBatchSize;
        }

        return _current?.Batch;
    }

#pragma warning disable CS0618 // The interface still requires the legacy member; Orleans calls MoveNextWithResult.
    public bool MoveNext() => MoveNextWithResult().Kind == QueueCacheCursorMoveResultKind.Success;
#pragma warning restore CS0618

    public QueueCacheCursorMoveResult MoveNextWithResult()
    {
        if (_callCollected)
        {
            // The agent asks for the next delivery call only once the previous one has completed.
            _callFirst = null;
            _callCount = 0;
            _callCollected = false;
        }

        _current = Next();
        _currentHandedOut = false;
        if (_current is null)
        {
            _callCollected = true;
            return QueueCacheCursorMoveResult.NoData;
        }

        _last = _current;
        _nextOffset = _current.Offset + 1;
        return QueueCacheCursorMoveResult.Success;
    }

    public void Refresh(StreamSequenceToken token)
    {
        // The position is an offset, not a cache slot, so records added since are found without refreshing.
    }

    /// <remarks>
    /// Orleans then hands the failure handler the call's token, which is its first record's (a
    /// <c>BatchContainerBatch</c> carries its first container's token): that record is marked, so the handler's
    /// dead-letter pointer is what releases its offset, and the call's other records leave the cache as delivered.
    /// </remarks>
    public void RecordDeliveryFailure()
    {
        if ((_callFirst ?? _current) is { } failed)
        {
            failed.DeliveryFailed = true;
        }
    }

    /// <summary>
    /// Lets go of <paramref name="entry"/>, which left the cache, if it is the last record this cursor delivered: the
    /// stream's next record is found from the cache's index by offset. An idle cursor holding it kept a young entry
    /// (and its sequence token) reachable from an old cursor until the user's next event, through young collections.
    /// A purged entry is never the current or first record of a call in flight (those pin it).
    /// </summary>
    public void Forget(KafkaCacheEntry entry)
    {
        if (ReferenceEquals(_last, entry))
        {
            _last = null;
        }
    }

    /// <summary>Where the cursor stands, for stall reports.</summary>
    public override string ToString() =>
        $"cursor of {streamId}: next offset {_nextOffset}, call from {_callFirst?.Offset.ToString() ?? "-"} ({_callCount} handed out, collected {_callCollected}), current {_current?.Offset.ToString() ?? "-"}";

    public void Dispose()
    {
        _current = null;
        _callFirst = null;
        cache.Release(this);
    }

    private KafkaCacheEntry? Next()
    {
        if (_last is { } last)
        {
            if (last.NextInStream is { } linked)
            {
                return linked;
            }

            if (!last.Purged)
            {
                return null;
            }

            // Purged with nothing after it: it never gets a link (the cache starts the stream's next record afresh), so
            // let it go; the stream's next record is found from the cache's index. Held, it outlived young collections.
            _last = null;
        }

        for (var entry = cache.OldestOf(streamId); entry is not null; entry = entry.NextInStream)
        {
            if (entry.Offset >= _nextOffset)
            {
                return entry;
            }
        }

        return null;
    }
}
