using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// A subscriber's position in a partition cache: it follows its stream's links from record to record instead of
/// walking the records of every other stream, and pins only the record it last returned (being delivered).
/// </summary>
internal sealed class KafkaCacheCursor(KafkaQueueCache cache, StreamId streamId, long nextOffset) : IQueueCacheCursor
{
    private KafkaCacheEntry? _current;
    private KafkaCacheEntry? _last;
    private long _nextOffset = nextOffset;

    /// <summary>The oldest offset this cursor still needs in the cache, or <see cref="long.MaxValue"/> for none.</summary>
    public long PinnedOffset => _current?.Offset ?? Next()?.Offset ?? long.MaxValue;

    public IBatchContainer? GetCurrent(out Exception? exception)
    {
        exception = null;
        return _current?.Batch;
    }

#pragma warning disable CS0618 // The interface still requires the legacy member; Orleans calls MoveNextWithResult.
    public bool MoveNext() => MoveNextWithResult().Kind == QueueCacheCursorMoveResultKind.Success;
#pragma warning restore CS0618

    public QueueCacheCursorMoveResult MoveNextWithResult()
    {
        _current = Next();
        if (_current is null)
        {
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

    public void RecordDeliveryFailure()
    {
        if (_current is not null)
        {
            _current.DeliveryFailed = true;
        }
    }

    public void Dispose()
    {
        _current = null;
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
