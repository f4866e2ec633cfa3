using Confluent.Kafka;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// Waits on one partition's consumer on a thread of its own and holds what arrives for the receiver, so a read can
/// wait for the next record and return the moment it arrives instead of at the pulling agent's next timer tick.
/// Holds at most <c>capacity</c> records (librdkafka prefetches the rest); a consume error is held until a read takes
/// it. Owns the consumer: disposing stops the thread (within <see cref="ConsumeTimeout"/>), then closes the consumer.
/// </summary>
internal sealed class KafkaRecordFeed : IDisposable
{
    /// <summary>The longest one wait inside librdkafka lasts, so stopping never waits longer.</summary>
    internal static TimeSpan ConsumeTimeout { get; } = TimeSpan.FromMilliseconds(100);

    private readonly IConsumer<byte[], byte[]> _consumer;
    private readonly int _capacity;
    private readonly Lock _lock = new();
    private readonly ManualResetEventSlim _mayConsume = new(true);
    private readonly Thread _thread;
    private readonly List<ConsumeResult<byte[], byte[]>> _held = [];
    private TaskCompletionSource? _arrival;
    private Exception? _error;
    private volatile bool _stopping;

    public KafkaRecordFeed(IConsumer<byte[], byte[]> consumer, int capacity, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _consumer = consumer;
        _capacity = capacity;
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>The partition's consumer, for commits, watermarks and offset lookups; the feed alone consumes from it.</summary>
    public IConsumer<byte[], byte[]> Consumer => _consumer;

    /// <summary>
    /// Completes when a record (or an error) is held, when <paramref name="wait"/> has passed, or when
    /// <paramref name="cancellationToken"/> is canceled. Never throws for the wait: the read then takes what is held.
    /// </summary>
    public async Task WaitAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        Task arrival;
        lock (_lock)
        {
            if (_held.Count > 0 || _error is not null || _stopping || wait <= TimeSpan.Zero)
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
        lock (_lock)
        {
            if (_held.Count == 0)
            {
                if (_error is { } error)
                {
                    _error = null;
                    _mayConsume.Set();
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

            if (_held.Count < _capacity && _error is null)
            {
                _mayConsume.Set();
            }
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _mayConsume.Set();
        _thread.Join();

        lock (_lock)
        {
            _arrival?.TrySetResult();
            _arrival = null;
        }

        // _mayConsume is not disposed: a read racing the shutdown may still set it (it holds no kernel handle).
        try
        {
            _consumer.Close();
        }
        finally
        {
            _consumer.Dispose();
        }
    }

    private void Run()
    {
        var arrived = new List<ConsumeResult<byte[], byte[]>>();
        while (!_stopping)
        {
            _mayConsume.Wait();
            if (_stopping)
            {
                break;
            }

            int room;
            lock (_lock)
            {
                room = _capacity - _held.Count;
            }

            try
            {
                if (_consumer.Consume(ConsumeTimeout) is not { } first)
                {
                    continue;
                }

                arrived.Add(first);
                while (arrived.Count < room && _consumer.Consume(TimeSpan.Zero) is { } next)
                {
                    arrived.Add(next);
                }
            }
            catch (Exception exception) when (exception is KafkaException or InvalidOperationException)
            {
                lock (_lock)
                {
                    _error = exception;
                    _mayConsume.Reset();
                }
            }

            lock (_lock)
            {
                _held.AddRange(arrived);
                if (_held.Count >= _capacity)
                {
                    _mayConsume.Reset();
                }

                _arrival?.TrySetResult();
                _arrival = null;
            }

            arrived.Clear();
        }
    }
}
