using System.Diagnostics.CodeAnalysis;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// A partition's cache, bounded in records and value bytes. Items leave it only when no subscriber cursor still needs
/// them; a slow subscriber keeps them in, the cache fills and reports pressure, and Orleans stops reading this partition
/// (only this one) until the subscriber catches up. A cursor requested below the oldest cached offset rewinds: it reads
/// Kafka from there and hands over to the cache (<see cref="KafkaRewindCursor"/>).
/// </summary>
/// <remarks>
/// <see cref="GetMaxAddCount"/> never says 0: Orleans' pulling agent stops its read round before purging when it does,
/// so a full cache would never be purged and the partition would stall. The bound is kept by
/// <see cref="IsUnderPressure"/>, which the agent checks after purging and before every read.
/// </remarks>
internal sealed class KafkaQueueCache(SimpleQueueCache inner, int maxRecords, long maxBytes, KafkaPartitionState state, KafkaClients clients, IKafkaDataAdapter dataAdapter) : IQueueCache
{
    private readonly Queue<long> _cachedOffsets = new();
    private long _frontier = -1;

    /// <summary>
    /// Where a rewinding cursor hands over to the cache: the oldest cached offset, or, with the cache empty, the next
    /// offset the receiver will add.
    /// </summary>
    public long HandoverOffset => _cachedOffsets.TryPeek(out var oldest) ? oldest : _frontier;

    public int GetMaxAddCount() => inner.GetMaxAddCount();

    public void AddToCache(IList<IBatchContainer> messages)
    {
        inner.AddToCache(messages);
        foreach (var message in messages)
        {
            var offset = message.SequenceToken.SequenceNumber;
            _cachedOffsets.Enqueue(offset);
            _frontier = Math.Max(_frontier, offset + 1);
        }

        state.AddCacheBytes(messages.Sum(SizeOf));
        state.CacheRecords = inner.Size;
    }

    public bool TryPurgeFromCache([MaybeNullWhen(false)] out IList<IBatchContainer> purgedItems)
    {
        if (!inner.TryPurgeFromCache(out purgedItems))
        {
            return false;
        }

        // Purging always removes the oldest items, also those it does not report (failed deliveries).
        while (_cachedOffsets.Count > inner.Size)
        {
            _cachedOffsets.Dequeue();
        }

        state.AddCacheBytes(-purgedItems.Sum(SizeOf));
        state.CacheRecords = inner.Size;
        return true;
    }

#pragma warning disable CS0618 // The interface still requires the legacy member; Orleans calls the Try* members.
    public IQueueCacheCursor GetCacheCursor(StreamId streamId, StreamSequenceToken? token) =>
        IsBelowCache(token) ? new KafkaRewindCursor(this, streamId, token!.SequenceNumber, clients, dataAdapter, state) : inner.GetCacheCursor(streamId, token);
#pragma warning restore CS0618

    public QueueCacheCursorResult<IQueueCacheCursor> TryGetCacheCursor(StreamId streamId, StreamSequenceToken? token) =>
        IsBelowCache(token)
            ? QueueCacheCursorResult<IQueueCacheCursor>.FromCursor(new KafkaRewindCursor(this, streamId, token!.SequenceNumber, clients, dataAdapter, state))
            : ((IQueueCache)inner).TryGetCacheCursor(streamId, token);

    public QueueCacheCursorResult<IQueueCacheCursor> TryGetCacheCursorAtPosition(StreamId streamId, StreamSubscriptionStartPosition startPosition) =>
        ((IQueueCache)inner).TryGetCacheCursorAtPosition(streamId, startPosition);

    public bool IsUnderPressure() =>
        inner.IsUnderPressure() || inner.Size + inner.GetMaxAddCount() > maxRecords || state.CacheBytes >= maxBytes;

    /// <summary>A cache cursor at <paramref name="token"/>, which must not be below the cache.</summary>
#pragma warning disable CS0618 // See above.
    internal IQueueCacheCursor GetCacheCursorFrom(StreamId streamId, StreamSequenceToken token) => inner.GetCacheCursor(streamId, token);
#pragma warning restore CS0618

    private bool IsBelowCache(StreamSequenceToken? token) =>
        token is KafkaStreamSequenceToken && _frontier >= 0 && token.SequenceNumber < HandoverOffset;

    private static long SizeOf(IBatchContainer batch) => batch is KafkaBatchContainer kafka ? kafka.SizeBytes : 0;
}
