using Confluent.Kafka;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// One consumer and one thread for every partition a provider reads on this silo: the thread consumes and hands each
/// record to its partition's <see cref="KafkaRecordFeed"/>. One client fetches all partitions led by a broker in one
/// request, where a consumer per partition sent a request per partition (and kept a librdkafka main and broker thread
/// each): at 16 partitions and 25,000 events/s the embedded broker alone spent 0.39 of the machine's 2 cores answering
/// them, 0.07 at 4 partitions. Partitions are assigned and unassigned incrementally (manual assignment, no group
/// membership); a full feed pauses only its own partition.
/// </summary>
internal sealed class KafkaConsumerThread : IDisposable
{
    /// <summary>The longest one wait inside librdkafka lasts, so stopping never waits longer.</summary>
    internal static TimeSpan ConsumeTimeout { get; } = TimeSpan.FromMilliseconds(100);

    private readonly KafkaSharedConsumer _owner;
    private readonly Thread _thread;
    private readonly Lock _lock = new();
    private readonly ManualResetEventSlim _stopped = new();
    private volatile Dictionary<(string Topic, int Partition), KafkaRecordFeed> _feeds = [];
    private bool _closed;

    public KafkaConsumerThread(KafkaSharedConsumer owner, IConsumer<byte[], byte[]> consumer, string name)
    {
        _owner = owner;
        Consumer = consumer;
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>The consumer; only this thread consumes from it, others commit and query offsets through it.</summary>
    public IConsumer<byte[], byte[]> Consumer { get; }

    /// <summary>
    /// Adds <paramref name="partition"/> to the consumer's assignment at <paramref name="start"/> and returns its feed,
    /// which pauses the partition once it holds <paramref name="capacity"/> records and resumes it once it holds no
    /// more than <paramref name="resumeAt"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The partition is already assigned here (its previous receiver has not released it).</exception>
    public KafkaRecordFeed Assign(TopicPartition partition, long start, int capacity, int resumeAt)
    {
        var feed = new KafkaRecordFeed(this, partition, start, capacity, resumeAt);
        var key = (partition.Topic, partition.Partition.Value);
        lock (_lock)
        {
            if (_feeds.ContainsKey(key))
            {
                throw new InvalidOperationException($"Kafka partition {partition} is already assigned to this silo's consumer.");
            }

            _feeds = new Dictionary<(string, int), KafkaRecordFeed>(_feeds) { [key] = feed };
        }

        try
        {
            Consumer.IncrementalAssign([new TopicPartitionOffset(partition, new Offset(start))]);
            return feed;
        }
        catch
        {
            Remove(key);
            throw;
        }
    }

    /// <summary>Pauses or resumes fetching one partition.</summary>
    internal void SetPaused(TopicPartition partition, bool paused)
    {
        if (paused)
        {
            Consumer.Pause([partition]);
        }
        else
        {
            Consumer.Resume([partition]);
        }
    }

    /// <summary>Removes a disposed feed's partition from the assignment; the last one stops the thread and closes the consumer.</summary>
    internal void Unassign(KafkaRecordFeed feed, bool paused)
    {
        try
        {
            lock (_lock)
            {
                RemoveFeed((feed.Partition.Topic, feed.Partition.Partition.Value));
                if (_closed)
                {
                    return;
                }

                // Resumed first: librdkafka does not document whether an application's pause outlasts an
                // unassignment, and one that did would leave a later assignment of the partition here without fetches.
                if (paused)
                {
                    Consumer.Resume([feed.Partition]);
                }

                Consumer.IncrementalUnassign([feed.Partition]);
            }
        }
        finally
        {
            _owner.Release(this);
        }
    }

    /// <summary>Stops the thread (within <see cref="ConsumeTimeout"/>), then closes the consumer.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _closed = true;
        }

        _stopped.Set();
        _thread.Join();
        try
        {
            Consumer.Close();
        }
        finally
        {
            Consumer.Dispose();
        }
    }

    private void Remove((string, int) key)
    {
        lock (_lock)
        {
            RemoveFeed(key);
        }
    }

    private void RemoveFeed((string, int) key)
    {
        var feeds = new Dictionary<(string, int), KafkaRecordFeed>(_feeds);
        feeds.Remove(key);
        _feeds = feeds;
    }

    private void Run()
    {
        while (!_stopped.IsSet)
        {
            try
            {
                if (Consumer.Consume(ConsumeTimeout) is { IsPartitionEOF: false } record
                    && _feeds.TryGetValue((record.Topic, record.Partition.Value), out var feed))
                {
                    feed.Hold(record);
                }
            }
            catch (ConsumeException exception) when (exception.ConsumerRecord?.Topic is { } topic
                && _feeds.TryGetValue((topic, exception.ConsumerRecord.Partition.Value), out var feed))
            {
                // No back-off here, which would hold up every other partition for one partition's error: librdkafka
                // already paces a partition's fetch errors (fetch.error.backoff.ms).
                feed.Fail(exception);
            }
            catch (Exception exception) when (exception is KafkaException or InvalidOperationException)
            {
                foreach (var feed in _feeds.Values)
                {
                    feed.Fail(exception);
                }

                _stopped.Wait(ConsumeTimeout);
            }
        }
    }
}
