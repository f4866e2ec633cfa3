using Confluent.Kafka;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// Holds what the silo's consumer thread (<see cref="KafkaConsumerThread"/>) fetched for one partition until the
/// partition's receiver takes it, so a read can wait for the next record and return the moment it arrives instead of
/// at the pulling agent's next timer tick. Holds at most <c>capacity</c> records: a full feed pauses its partition on
/// the consumer (librdkafka then drops what it prefetched for it), and taking down to <c>resumeAt</c> resumes it from
/// the next offset. A consume error for the partition is held until a read takes it. Disposing unassigns the partition.
/// </summary>
internal sealed class KafkaRecordFeed : IDisposable
{
    private readonly KafkaConsumerThread _owner;
    private readonly int _capacity;
    private readonly int _resumeAt;
    private readonly Lock _lock = new();
    private readonly Lock _flow = new();
    private readonly List<ConsumeResult<byte[], byte[]>> _held = [];
    private TaskCompletionSource? _arrival;
    private Exception? _error;
    private long _next;
    private bool _paused;
    private bool _released;

    internal KafkaRecordFeed(KafkaConsumerThread owner, TopicPartition partition, long start, int capacity, int resumeAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(resumeAt);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(resumeAt, capacity);
        _owner = owner;
        _capacity = capacity;
        _resumeAt = resumeAt;
        _next = start;
        Partition = partition;
    }

    /// <summary>The partition this feed holds records of.</summary>
    public TopicPartition Partition { get; }

    /// <summary>The silo's shared consumer, for commits, watermarks and offset lookups; only its thread consumes from it.</summary>
    public IConsumer<byte[], byte[]> Consumer => _owner.Consumer;

    /// <summary>
    /// Completes when a record (or an error) is held, when <paramref name="wait"/> has passed, or when
    /// <paramref name="cancellationToken"/> is canceled. Never throws for the wait: the read then takes what is held.
    /// </summary>
    public async Task WaitAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        Task arrival;
        lock (_lock)
        {
            if (_held.Count > 0 || _error is not null || _released || wait <= TimeSpan.Zero)
            {
                return;
            }

            _arrival ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            arrival = _arrival.Task;
        }

        await arrival.WaitAsync(wait, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
    }

    /// <summary>
    /// Moves up to <paramref name="maxCount"/> held records, oldest first, into <paramref name="into"/>;
    /// when none is held and a consume failed, throws that error (once).
    /// </summary>
    public void Take(List<ConsumeResult<byte[], byte[]>> into, int maxCount)
    {
        bool resume;
        lock (_lock)
        {
            if (_held.Count == 0)
            {
                if (_error is { } error)
                {
                    _error = null;
                    throw error;
                }

                return;
            }

            var count = Math.Min(maxCount, _held.Count);
            for (var i = 0; i < count; i++)
            {
                into.Add(_held[i]);
            }

            _held.RemoveRange(0, count);
            resume = _paused && _held.Count <= _resumeAt;
        }

        if (resume)
        {
            UpdateFlow();
        }
    }

    /// <summary>Unassigns the partition from the shared consumer and drops what is held.</summary>
    public void Dispose()
    {
        bool paused;
        lock (_flow)
        {
            if (_released)
            {
                return;
            }

            _released = true;
            paused = _paused;
        }

        lock (_lock)
        {
            _held.Clear();
            _arrival?.TrySetResult();
            _arrival = null;
        }

        _owner.Unassign(this, paused);
    }

    /// <summary>Called by the consumer thread with the partition's next record; pauses the partition once full.</summary>
    internal void Hold(ConsumeResult<byte[], byte[]> record)
    {
        bool full;
        lock (_lock)
        {
            // A record below the next offset was fetched for an earlier assignment of the partition on this consumer.
            if (_released || record.Offset.Value < _next)
            {
                return;
            }

            _next = record.Offset.Value + 1;
            _held.Add(record);
            full = _held.Count >= _capacity;
            _arrival?.TrySetResult();
            _arrival = null;
        }

        if (full)
        {
            UpdateFlow();
        }
    }

    /// <summary>Called by the consumer thread when consuming failed for this partition (or for the whole consumer).</summary>
    internal void Fail(Exception error)
    {
        lock (_lock)
        {
            _error = error;
            _arrival?.TrySetResult();
            _arrival = null;
        }
    }

    /// <summary>
    /// Pauses the partition when the feed is full and resumes it when it is down to <c>resumeAt</c>. The consumer thread
    /// (after filling) and a reader (after taking) both call this; each decides from the count it reads under
    /// <c>_flow</c>, so the last call leaves the partition in the state the count asks for.
    /// </summary>
    private void UpdateFlow()
    {
        lock (_flow)
        {
            if (_released)
            {
                return;
            }

            bool full;
            lock (_lock)
            {
                // Read and written under the records' lock: a reader that takes meanwhile either leaves a count that
                // asks for no pause, or sees the pause coming and waits on _flow to undo it.
                full = _paused ? _held.Count > _resumeAt : _held.Count >= _capacity;
                if (full == _paused)
                {
                    return;
                }

                _paused = full;
            }

            try
            {
                _owner.SetPaused(Partition, full);
            }
            catch
            {
                lock (_lock)
                {
                    _paused = !full;
                }

                throw;
            }
        }
    }
}
