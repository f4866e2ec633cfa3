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
    private readonly List<ConsumeResult<byte[], byte[]>> _polled = [];
    private readonly DelayedCommits _committable = new();
    private readonly Lock _assignLock = new();
    private KafkaRecordFeed? _feed;
    private TopicPartition _topicPartition = null!;
    private long _nextOffset;
    private long _lastCommitted = -1;
    private DateTimeOffset _lastCommitTime;
    private KafkaPartitionWatch? _watch;
    private DateTimeOffset _nextAssignAttempt;
    private bool _shutDown;

    /// <summary>How long a failed assignment waits before the next read tries again.</summary>
    internal static TimeSpan AssignRetryDelay { get; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Assigns the partition. A failed assignment (the broker not answering in time) does not fail: Orleans never
    /// initializes a receiver again, so the partition would stay unread on this silo; it is retried on the next read
    /// instead, at most every <see cref="AssignRetryDelay"/>.
    /// </summary>
    public async Task Initialize(TimeSpan timeout)
    {
        _topicPartition = new TopicPartition(_state.Topic, new Partition(_state.Partition));
        _watch = new KafkaPartitionWatch(_state, () => (_lastCommitted, _tracker.PendingCount), _options.StallWarningInterval, timeProvider, logger);
        await TryAssignAsync();
    }

    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    /// <summary>
    /// Returns the records that arrived, waiting up to <see cref="KafkaStreamOptions.ReadWait"/> for one when none has:
    /// Orleans reads again at once after a non-empty read, so a record reaches the cache the moment it arrives rather
    /// than at the pulling agent's next timer tick. The agent's shutdown cancels the wait.
    /// </summary>
    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        _state.Progress.ReadStarted();
        try
        {
            return await ReadAsync(maxCount, cancellationToken);
        }
        finally
        {
            _state.Progress.ReadEnded();
        }
    }

    private async Task<IList<IBatchContainer>> ReadAsync(int maxCount, CancellationToken cancellationToken)
    {
        var feed = _feed;
        if (feed is null && !_shutDown && timeProvider.GetUtcNow() >= _nextAssignAttempt)
        {
            feed = await TryAssignAsync();
        }

        if (feed is null || maxCount <= 0)
        {
            return [];
        }

        await feed.WaitAsync(_options.ReadWait, cancellationToken);
        var records = Poll(feed, Math.Min(maxCount, _options.MaxBatchSize));
        try
        {
            return await DecodeAsync(feed.Consumer, records);
        }
        finally
        {
            // Reused by the next poll; cleared so it holds no record once they are in the cache.
            records.Clear();
        }
    }

    private async Task<IList<IBatchContainer>> DecodeAsync(IConsumer<byte[], byte[]> consumer, List<ConsumeResult<byte[], byte[]>> records)
    {
        if (records.Count == 0)
        {
            await CommitAsync(force: false);
            return [];
        }

        var batches = new List<IBatchContainer>(records.Count);
        List<Task>? deadLettering = null;
        foreach (var record in records)
        {
            _tracker.Read(record.Offset.Value);
            if (KafkaRecordDecoder.TryDecode(dataAdapter, record, _options.RecordContext, out var batch, out var error))
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

        KafkaStreamInstruments.Instance.RecordsRead.Add(records.Count, KafkaStreamInstruments.Tags(_state));
        var high = consumer.GetWatermarkOffsets(_topicPartition).High;
        _state.Lag = high.IsSpecial ? 0 : Math.Max(0, high.Value - _nextOffset);
        _state.Progress.NextOffset = _nextOffset;
        _state.Progress.HighWatermark = high.IsSpecial ? -1 : high.Value;

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
        KafkaRecordFeed? feed;
        lock (_assignLock)
        {
            _shutDown = true;
            feed = _feed;
        }

        _watch?.Dispose();
        if (feed is null)
        {
            return;
        }

        try
        {
            await CommitAsync(force: true);
        }
        finally
        {
            _feed = null;
            registry.Detach(queueId, this);

            // Unassigns the partition from the shared consumer (the last one stops its thread and closes it).
            feed.Dispose();
            LogReleased(_state.Topic, _state.Partition, _lastCommitted);
        }
    }

    private async Task<KafkaRecordFeed?> TryAssignAsync()
    {
        KafkaPartitionAssignment assignment;
        try
        {
            assignment = await Task.Run(() => KafkaPartitionAssignment.Create(clients, _topicPartition, retentionGap, _options.MaxBatchSize));
        }
        catch (Exception exception) when (exception is KafkaException or InvalidOperationException or ArgumentException)
        {
            _nextAssignAttempt = timeProvider.GetUtcNow() + AssignRetryDelay;
            LogAssignFailed(exception, _state.Topic, _state.Partition, AssignRetryDelay);
            return null;
        }

        KafkaRecordFeed feed;
        lock (_assignLock)
        {
            if (_shutDown)
            {
                assignment.Feed.Dispose();
                return null;
            }

            _nextOffset = assignment.Start;
            _lastCommitted = assignment.Committed;
            _lastCommitTime = timeProvider.GetUtcNow();
            _feed = feed = assignment.Feed;
        }

        _state.Progress.NextOffset = assignment.Start;
        registry.Attach(queueId, this);
        LogAssigned(_state.Topic, _state.Partition, assignment.Start, assignment.Committed);
        return feed;
    }

    private List<ConsumeResult<byte[], byte[]>> Poll(KafkaRecordFeed feed, int maxCount)
    {
        // One agent turn at a time calls this receiver, so one list serves every poll (no 8 KB array per empty poll).
        var records = _polled;
        feed.Take(records, maxCount);
        records.RemoveAll(static record => record.IsPartitionEOF);
        foreach (var record in records)
        {
            if (record.Offset.Value > _nextOffset)
            {
                retentionGap.Check(feed.Consumer, _nextOffset, record.Offset.Value, _options.RequestTimeout, "while reading");
            }

            _nextOffset = record.Offset.Value + 1;
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
        var consumer = _feed?.Consumer;
        var now = timeProvider.GetUtcNow();
        _committable.Note(_tracker.Committable, now);
        if (consumer is null || (!force && now - _lastCommitTime < _options.CommitInterval))
        {
            return;
        }

        await _commitGate.WaitAsync();
        try
        {
            var offset = force ? _tracker.Committable : _committable.ReadyAt(now - _options.CommitDelay);
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

    [LoggerMessage(6, LogLevel.Warning, "Assigning Kafka partition {Topic}[{Partition}] failed; the next read after {RetryDelay} tries again.")]
    private partial void LogAssignFailed(Exception exception, string topic, int partition, TimeSpan retryDelay);

    [LoggerMessage(4, LogLevel.Warning, "Kafka record {Topic}[{Partition}]@{Offset} dead-lettered: {Error}")]
    private partial void LogDeadLettered(string topic, int partition, long offset, string error);

    [LoggerMessage(5, LogLevel.Warning, "Committing the offset of Kafka partition {Topic}[{Partition}] failed; it will be retried.")]
    private partial void LogCommitFailed(Exception exception, string topic, int partition);
}
