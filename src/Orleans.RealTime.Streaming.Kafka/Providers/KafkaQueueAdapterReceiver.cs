using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// Reads exactly one Kafka partition (assigned, not subscribed) from the group's committed offset, decodes records
/// into batch containers, dead-letters poison records, reports retention gaps, and commits only offsets below which
/// every record has been delivered.
/// </summary>
internal sealed partial class KafkaQueueAdapterReceiver(
    QueueId queueId,
    KafkaClients clients,
    IKafkaDataAdapter dataAdapter,
    KafkaPartitionRegistry registry,
    KafkaRetentionGap retentionGap,
    TimeProvider timeProvider,
    ILogger<KafkaQueueAdapterReceiver> logger) : IQueueAdapterReceiver
{
    private readonly KafkaStreamOptions _options = clients.Options;
    private readonly KafkaPartitionState _state = registry.Get(queueId);
    private readonly PartitionOffsetTracker _tracker = new();
    private readonly KafkaDeadLetterPublisher _deadLetters = new(clients, registry.Get(queueId));
    private readonly SemaphoreSlim _commitGate = new(1, 1);
    private IConsumer<byte[], byte[]>? _consumer;
    private TopicPartition _topicPartition = null!;
    private long _nextOffset;
    private long _lastCommitted = -1;
    private DateTimeOffset _lastCommitTime;
    private KafkaPartitionWatch? _watch;

    public Task Initialize(TimeSpan timeout) => Task.Run(() =>
    {
        _topicPartition = new TopicPartition(_state.Topic, new Partition(_state.Partition));
        var consumer = clients.CreateConsumer();
        var committed = consumer.Committed([_topicPartition], _options.RequestTimeout).Single().Offset;
        var watermarks = consumer.QueryWatermarkOffsets(_topicPartition, _options.RequestTimeout);
        var start = committed.IsSpecial ? watermarks.Low.Value : committed.Value;
        if (start < watermarks.Low.Value)
        {
            retentionGap.Report(start, watermarks.Low.Value, "at assignment");
            start = watermarks.Low.Value;
        }

        _nextOffset = start;
        _lastCommitted = committed.IsSpecial ? -1 : committed.Value;
        _lastCommitTime = timeProvider.GetUtcNow();
        consumer.Assign(new TopicPartitionOffset(_topicPartition, new Offset(start)));
        _consumer = consumer;
        _state.Progress.NextOffset = start;
        _watch = new KafkaPartitionWatch(_state, () => (_lastCommitted, _tracker.PendingCount), _options.StallWarningInterval, timeProvider, logger);
        registry.Attach(queueId, this);
        LogAssigned(_state.Topic, _state.Partition, start, _lastCommitted);
    });

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount)
    {
        _state.Progress.ReadStarted();
        try
        {
            return await ReadAsync(maxCount);
        }
        finally
        {
            _state.Progress.ReadEnded();
        }
    }

    private async Task<IList<IBatchContainer>> ReadAsync(int maxCount)
    {
        var consumer = _consumer;
        if (consumer is null || maxCount <= 0)
        {
            return [];
        }

        // Non-blocking: librdkafka prefetches in the background, and Orleans polls again on its timer when this is empty.
        var records = Poll(consumer, Math.Min(maxCount, _options.MaxBatchSize));
        var batches = new List<IBatchContainer>(records.Count);
        List<Task>? deadLettering = null;
        foreach (var record in records)
        {
            _tracker.Read(record.Offset.Value);
            if (KafkaRecordDecoder.TryDecode(dataAdapter, record, out var batch, out var error))
            {
                batches.Add(batch);
            }
            else
            {
                LogDeadLettered(_state.Topic, _state.Partition, record.Offset.Value, error);
                (deadLettering ??= []).Add(DeadLetterAsync(record, error));
            }
        }

        if (deadLettering is not null)
        {
            await Task.WhenAll(deadLettering);
        }

        if (records.Count > 0)
        {
            KafkaStreamInstruments.Instance.RecordsRead.Add(records.Count, KafkaStreamInstruments.Tags(_state));
            var high = consumer.GetWatermarkOffsets(_topicPartition).High;
            _state.Lag = high.IsSpecial ? 0 : Math.Max(0, high.Value - _nextOffset);
            _state.Progress.NextOffset = _nextOffset;
            _state.Progress.HighWatermark = high.IsSpecial ? -1 : high.Value;
        }

        await CommitAsync(force: false);
        return batches;
    }

    public async Task MessagesDeliveredAsync(IList<IBatchContainer> messages)
    {
        foreach (var message in messages)
        {
            if (message is KafkaBatchContainer batch)
            {
                _tracker.Done(batch.Offset);
            }
        }

        await CommitAsync(force: false);
    }

    /// <summary>A delivery that failed past Orleans' retries: dead-letter a pointer to the record and let the partition go on.</summary>
    public async Task DeliveryFailedAsync(StreamId streamId, StreamSequenceToken token)
    {
        var key = streamId.Key.ToArray();
        await _deadLetters.PublishAsync(token.SequenceNumber, key, null, null, $"Delivery to a subscriber of {streamId} failed past the retry budget.");
        _tracker.Done(token.SequenceNumber);
    }

    public async Task Shutdown(TimeSpan timeout)
    {
        var consumer = _consumer;
        if (consumer is null)
        {
            return;
        }

        try
        {
            await CommitAsync(force: true);
        }
        finally
        {
            _consumer = null;
            _watch?.Dispose();
            registry.Detach(queueId, this);
            consumer.Close();
            consumer.Dispose();
            LogReleased(_state.Topic, _state.Partition, _lastCommitted);
        }
    }

    private List<ConsumeResult<byte[], byte[]>> Poll(IConsumer<byte[], byte[]> consumer, int maxCount)
    {
        var records = new List<ConsumeResult<byte[], byte[]>>(Math.Min(maxCount, 1024));
        while (records.Count < maxCount)
        {
            var record = consumer.Consume(TimeSpan.Zero);
            if (record is null)
            {
                break;
            }

            if (record.IsPartitionEOF)
            {
                continue;
            }

            if (record.Offset.Value > _nextOffset)
            {
                retentionGap.Check(consumer, _nextOffset, record.Offset.Value, _options.RequestTimeout, "while reading");
            }

            _nextOffset = record.Offset.Value + 1;
            records.Add(record);
        }

        return records;
    }

    private async Task DeadLetterAsync(ConsumeResult<byte[], byte[]> record, string error)
    {
        await _deadLetters.PublishAsync(record.Offset.Value, record.Message.Key, record.Message.Value, record.Message.Headers, error);
        _tracker.Done(record.Offset.Value);
    }

    private async Task CommitAsync(bool force)
    {
        var consumer = _consumer;
        var now = timeProvider.GetUtcNow();
        if (consumer is null || (!force && now - _lastCommitTime < _options.CommitInterval))
        {
            return;
        }

        await _commitGate.WaitAsync();
        try
        {
            var offset = _tracker.Committable;
            if (offset is not { } committable || committable <= _lastCommitted)
            {
                return;
            }

            await Task.Run(() => consumer.Commit([new TopicPartitionOffset(_topicPartition, new Offset(committable))]));
            _lastCommitted = committable;
            _lastCommitTime = now;
            KafkaStreamInstruments.Instance.Commits.Add(1, KafkaStreamInstruments.Tags(_state));
        }
        catch (KafkaException exception)
        {
            LogCommitFailed(exception, _state.Topic, _state.Partition);
        }
        finally
        {
            _commitGate.Release();
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Kafka partition {Topic}[{Partition}] assigned; reading from offset {Offset} (committed {Committed}).")]
    private partial void LogAssigned(string topic, int partition, long offset, long committed);

    [LoggerMessage(2, LogLevel.Information, "Kafka partition {Topic}[{Partition}] released; committed offset {Committed}.")]
    private partial void LogReleased(string topic, int partition, long committed);

    [LoggerMessage(4, LogLevel.Warning, "Kafka record {Topic}[{Partition}]@{Offset} dead-lettered: {Error}")]
    private partial void LogDeadLettered(string topic, int partition, long offset, string error);

    [LoggerMessage(5, LogLevel.Warning, "Committing the offset of Kafka partition {Topic}[{Partition}] failed; it will be retried.")]
    private partial void LogCommitFailed(Exception exception, string topic, int partition);
}
