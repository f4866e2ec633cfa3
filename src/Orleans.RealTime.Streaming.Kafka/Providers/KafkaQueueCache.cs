using System.Diagnostics.CodeAnalysis;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// A partition's cache, bounded in records and value bytes. Items leave it only when no subscriber cursor still needs
/// them; a slow subscriber keeps them in, the cache fills and reports pressure, and Orleans stops reading this partition
/// (only this one) until the subscriber catches up.
/// </summary>
/// <remarks>
/// <see cref="GetMaxAddCount"/> never says 0: Orleans' pulling agent stops its read round before purging when it does,
/// so a full cache would never be purged and the partition would stall. The bound is kept by
/// <see cref="IsUnderPressure"/>, which the agent checks after purging and before every read.
/// </remarks>
internal sealed class KafkaQueueCache(SimpleQueueCache inner, int maxRecords, long maxBytes, KafkaPartitionState state) : IQueueCache
{
    public int GetMaxAddCount() => inner.GetMaxAddCount();

    public void AddToCache(IList<IBatchContainer> messages)
    {
        inner.AddToCache(messages);
        state.AddCacheBytes(messages.Sum(SizeOf));
        state.CacheRecords = inner.Size;
    }

    public bool TryPurgeFromCache([MaybeNullWhen(false)] out IList<IBatchContainer> purgedItems)
    {
        if (!inner.TryPurgeFromCache(out purgedItems))
        {
            return false;
        }

        state.AddCacheBytes(-purgedItems.Sum(SizeOf));
        state.CacheRecords = inner.Size;
        return true;
    }

#pragma warning disable CS0618 // The interface still requires the legacy member; Orleans calls the Try* members.
    public IQueueCacheCursor GetCacheCursor(StreamId streamId, StreamSequenceToken? token) => inner.GetCacheCursor(streamId, token);
#pragma warning restore CS0618

    public QueueCacheCursorResult<IQueueCacheCursor> TryGetCacheCursor(StreamId streamId, StreamSequenceToken? token) =>
        ((IQueueCache)inner).TryGetCacheCursor(streamId, token);

    public QueueCacheCursorResult<IQueueCacheCursor> TryGetCacheCursorAtPosition(StreamId streamId, StreamSubscriptionStartPosition startPosition) =>
        ((IQueueCache)inner).TryGetCacheCursorAtPosition(streamId, startPosition);

    public bool IsUnderPressure() =>
        inner.IsUnderPressure() || inner.Size + inner.GetMaxAddCount() > maxRecords || state.CacheBytes >= maxBytes;

    private static long SizeOf(IBatchContainer batch) => batch is KafkaBatchContainer kafka ? kafka.SizeBytes : 0;
}
