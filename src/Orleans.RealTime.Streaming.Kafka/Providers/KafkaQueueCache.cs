using System.Diagnostics.CodeAnalysis;
using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// A partition's cache, bounded in records and value bytes. Records are kept in offset order and linked per stream,
/// so a subscriber's cursor steps from its stream's record to the next without walking other streams' records.
/// Records leave it, oldest first, only when no cursor still needs them; a slow subscriber keeps them in, the cache
/// fills and reports pressure, and Orleans stops reading this partition (only this one) until it catches up. A
/// cursor requested below the oldest cached offset rewinds: it reads Kafka from there and hands over to the cache
/// (<see cref="KafkaRewindCursor"/>).
/// </summary>
/// <remarks>
/// <see cref="GetMaxAddCount"/> never says 0: Orleans' pulling agent stops its read round before purging when it does,
/// so a full cache would never be purged and the partition would stall. The bound is kept by
/// <see cref="IsUnderPressure"/>, which the agent checks after purging and before every read.
/// </remarks>
internal sealed class KafkaQueueCache(int maxRecords, long maxBytes, int deliveryBatchSize, KafkaPartitionState state, KafkaClients clients, IKafkaDataAdapter dataAdapter, KafkaRetentionGap retentionGap) : IQueueCache
{
    private readonly int _maxAddCount = Math.Max(1, maxRecords / 10);
    private readonly Queue<KafkaCacheEntry> _entries = new();
    private readonly Dictionary<StreamId, KafkaCacheEntry> _oldest = [];
    private readonly Dictionary<StreamId, KafkaCacheEntry> _newest = [];
    private readonly Dictionary<StreamId, List<KafkaCacheCursor>> _cursors = [];
    private int _cursorCount;
    private long _frontier = -1;
    private long _bytes;

    /// <summary>
    /// Where a rewinding cursor hands over to the cache: the oldest cached offset, or, with the cache empty, the next
    /// offset the receiver will add.
    /// </summary>
    public long HandoverOffset => _entries.TryPeek(out var oldest) ? oldest.Offset : _frontier;

    public int GetMaxAddCount() => _maxAddCount;

    public void AddToCache(IList<IBatchContainer> messages)
    {
        foreach (var message in messages)
        {
            var entry = new KafkaCacheEntry(message);
            if (_newest.TryGetValue(entry.StreamId, out var previous))
            {
                previous.NextInStream = entry;
            }
            else
            {
                _oldest[entry.StreamId] = entry;
            }

            _newest[entry.StreamId] = entry;
            _entries.Enqueue(entry);
            _bytes += entry.SizeBytes;
            _frontier = Math.Max(_frontier, entry.Offset + 1);
        }

        Publish();
    }

    /// <remarks>
    /// A cursor pins only records of its own stream, and only cached ones; so the oldest record is held back exactly
    /// when a cursor of its stream pins it, and only those cursors are asked (not every cursor of the partition at
    /// every read: with 600 idle streams per partition that was several million checks a second).
    /// </remarks>
    public bool TryPurgeFromCache([MaybeNullWhen(false)] out IList<IBatchContainer> purgedItems)
    {
        purgedItems = null;
        List<IBatchContainer>? purged = null;
        KafkaCacheCursor? pinnedBy = null;
        var removed = 0;
        while (_entries.TryPeek(out var oldest))
        {
            if (PinnerOf(oldest) is { } cursor)
            {
                pinnedBy = cursor;
                break;
            }

            _entries.Dequeue();
            var batch = Forget(oldest);
            removed++;
            if (!oldest.DeliveryFailed)
            {
                (purged ??= []).Add(batch);
            }
        }

        state.Progress.PurgeRound(removed, pinnedBy is null ? long.MaxValue : _entries.Peek().Offset, pinnedBy, _cursorCount);
        if (removed == 0)
        {
            return false;
        }

        Publish();
        purgedItems = purged ?? [];
        return true;
    }

#pragma warning disable CS0618 // The interface still requires the legacy member; Orleans calls the Try* members.
    public IQueueCacheCursor GetCacheCursor(StreamId streamId, StreamSequenceToken? token) =>
        IsBelowCache(token)
            ? new KafkaRewindCursor(this, streamId, token!.SequenceNumber, clients, dataAdapter, state, retentionGap)
            : GetCacheCursorFrom(streamId, token ?? NewestToken());
#pragma warning restore CS0618

    public QueueCacheCursorResult<IQueueCacheCursor> TryGetCacheCursor(StreamId streamId, StreamSequenceToken? token) =>
#pragma warning disable CS0618 // See above.
        QueueCacheCursorResult<IQueueCacheCursor>.FromCursor(GetCacheCursor(streamId, token));
#pragma warning restore CS0618

    public QueueCacheCursorResult<IQueueCacheCursor> TryGetCacheCursorAtPosition(StreamId streamId, StreamSubscriptionStartPosition startPosition) =>
        QueueCacheCursorResult<IQueueCacheCursor>.FromCursor(GetCacheCursorFrom(
            streamId,
            startPosition == StreamSubscriptionStartPosition.EarliestAvailable ? new KafkaStreamSequenceToken(Math.Max(0, HandoverOffset)) : NewestToken()));

    public bool IsUnderPressure()
    {
        var underPressure = _entries.Count + _maxAddCount > maxRecords || _bytes >= maxBytes;
        state.Progress.Pressure(underPressure);
        return underPressure;
    }

    /// <summary>The partition's progress figures, which the cursors add to.</summary>
    internal KafkaPartitionProgress Progress => state.Progress;

    /// <summary>A cache cursor delivering the stream's records from <paramref name="token"/> on.</summary>
    internal IQueueCacheCursor GetCacheCursorFrom(StreamId streamId, StreamSequenceToken token)
    {
        var cursor = new KafkaCacheCursor(this, streamId, token.SequenceNumber, deliveryBatchSize);
        if (!_cursors.TryGetValue(streamId, out var cursors))
        {
            _cursors[streamId] = cursors = new List<KafkaCacheCursor>(1);
        }

        cursors.Add(cursor);
        _cursorCount++;
        return cursor;
    }

    /// <summary>The stream's oldest cached record.</summary>
    internal KafkaCacheEntry? OldestOf(StreamId streamId) => _oldest.GetValueOrDefault(streamId);

    internal void Release(KafkaCacheCursor cursor)
    {
        if (_cursors.TryGetValue(cursor.StreamId, out var cursors) && cursors.Remove(cursor))
        {
            _cursorCount--;
            if (cursors.Count == 0)
            {
                _cursors.Remove(cursor.StreamId);
            }
        }
    }

    /// <summary>A cursor of <paramref name="entry"/>'s stream that still needs it, if any.</summary>
    private KafkaCacheCursor? PinnerOf(KafkaCacheEntry entry)
    {
        if (_cursors.TryGetValue(entry.StreamId, out var cursors))
        {
            foreach (var cursor in cursors)
            {
                if (cursor.PinnedOffset <= entry.Offset)
                {
                    return cursor;
                }
            }
        }

        return null;
    }

    private IBatchContainer Forget(KafkaCacheEntry entry)
    {
        var batch = entry.Purge();
        _bytes -= entry.SizeBytes;
        if (_cursors.TryGetValue(entry.StreamId, out var cursors))
        {
            foreach (var cursor in cursors)
            {
                cursor.Forget(entry);
            }
        }

        if (entry.NextInStream is { } next)
        {
            _oldest[entry.StreamId] = next;
        }
        else
        {
            _oldest.Remove(entry.StreamId);
            _newest.Remove(entry.StreamId);
        }

        return batch;
    }

    // Without a token a subscriber starts at the newest cached record (as Orleans' caches do), or at what comes next.
    private KafkaStreamSequenceToken NewestToken() => new(Math.Max(0, _frontier > 0 ? _frontier - 1 : 0));

    private bool IsBelowCache(StreamSequenceToken? token) =>
        token is KafkaStreamSequenceToken && _frontier >= 0 && token.SequenceNumber < HandoverOffset;

    private void Publish()
    {
        state.CacheRecords = _entries.Count;
        state.SetCacheBytes(_bytes);
    }
}
