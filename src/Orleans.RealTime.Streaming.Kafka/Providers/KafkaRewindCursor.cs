using Confluent.Kafka;
using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// A subscriber's cursor that starts below the partition's cache: it reads the partition from Kafka at the requested
/// offset with its own consumer (no group, no commits), keeps the records of its stream, and hands over to a cache
/// cursor as soon as it reaches the oldest record still cached (or the next record the receiver will read).
/// </summary>
internal sealed class KafkaRewindCursor : IQueueCacheCursor
{
    private readonly KafkaQueueCache _cache;
    private readonly StreamId _streamId;
    private readonly IKafkaDataAdapter _dataAdapter;
    private readonly KafkaRetentionGap _retentionGap;
    private readonly TimeSpan _readTimeout;
    private readonly bool _recordContext;
    private readonly KafkaPartitionProgress _progress;
    private IConsumer<byte[], byte[]>? _consumer;
    private IQueueCacheCursor? _handedOver;
    private IBatchContainer? _current;
    private long _next;

    public KafkaRewindCursor(KafkaQueueCache cache, StreamId streamId, long offset, KafkaClients clients, IKafkaDataAdapter dataAdapter, KafkaPartitionState state, KafkaRetentionGap retentionGap)
    {
        _cache = cache;
        _streamId = streamId;
        _dataAdapter = dataAdapter;
        _retentionGap = retentionGap;
        _readTimeout = clients.Options.RequestTimeout;
        _recordContext = clients.Options.RecordContext;
        _next = offset;
        _progress = state.Progress;
        _progress.RewindStarted();
        _consumer = clients.CreateConsumer();
        _consumer.Assign(new TopicPartitionOffset(state.Topic, new Partition(state.Partition), new Offset(offset)));
    }

    /// <summary>Whether this cursor still reads from Kafka rather than from the cache.</summary>
    public bool IsRewinding => _handedOver is null;

    public IBatchContainer? GetCurrent(out Exception? exception)
    {
        exception = null;
        return _handedOver is null ? _current : _handedOver.GetCurrent(out exception);
    }

#pragma warning disable CS0618 // The interface still requires the legacy member; Orleans calls MoveNextWithResult.
    public bool MoveNext() => MoveNextWithResult().Kind == QueueCacheCursorMoveResultKind.Success;
#pragma warning restore CS0618

    public QueueCacheCursorMoveResult MoveNextWithResult()
    {
        while (_handedOver is null)
        {
            if (_next >= _cache.HandoverOffset)
            {
                return HandOver().MoveNextWithResult();
            }

            // Records below the handover offset exist in the log, so the read returns quickly; none within the
            // timeout means they are gone (retention), and the cache takes over. A start below the log start reads
            // from the log start (Kafka's earliest reset); what retention took is reported, never skipped silently.
            var record = _consumer!.Consume(_readTimeout);
            var reached = Math.Min(record?.Offset.Value ?? long.MaxValue, _cache.HandoverOffset);
            if (reached > _next)
            {
                _retentionGap.Check(_consumer, _next, reached, _readTimeout, "rewind");
            }

            if (record is null || record.Offset.Value >= _cache.HandoverOffset)
            {
                return HandOver().MoveNextWithResult();
            }

            _next = record.Offset.Value + 1;
            if (KafkaRecordDecoder.TryDecode(_dataAdapter, record, _recordContext, out var batch, out _) && batch.StreamId.Equals(_streamId))
            {
                _current = batch;
                return QueueCacheCursorMoveResult.Success;
            }
        }

        return _handedOver.MoveNextWithResult();
    }

    public void Refresh(StreamSequenceToken token) => _handedOver?.Refresh(token);

    public void RecordDeliveryFailure() => _handedOver?.RecordDeliveryFailure();

    public void Dispose()
    {
        _handedOver?.Dispose();
        CloseConsumer();
    }

    private IQueueCacheCursor HandOver()
    {
        CloseConsumer();
        _current = null;
        _handedOver = _cache.GetCacheCursorFrom(_streamId, new KafkaStreamSequenceToken(Math.Max(_next, _cache.HandoverOffset)));
        return _handedOver;
    }

    private void CloseConsumer()
    {
        if (_consumer is { } consumer)
        {
            _consumer = null;
            _progress.RewindEnded();
            consumer.Dispose();
        }
    }
}
