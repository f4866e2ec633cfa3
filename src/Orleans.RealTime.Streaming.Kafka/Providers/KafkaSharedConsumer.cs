namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// Hands out the provider's one <see cref="KafkaConsumerThread"/> on this silo: started by the first partition
/// assigned, stopped (and its consumer closed) when the last is released, started afresh by the next.
/// </summary>
internal sealed class KafkaSharedConsumer(KafkaClients clients) : IDisposable
{
    private readonly Lock _lock = new();
    private KafkaConsumerThread? _thread;
    private int _users;
    private bool _disposed;

    /// <summary>The running consumer thread, counted as used until <see cref="Release"/>; starts it when none runs.</summary>
    public KafkaConsumerThread Acquire()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _thread ??= new KafkaConsumerThread(this, clients.CreateConsumer(), $"kafka {string.Join(',', clients.Options.Topics)}");
            _users++;
            return _thread;
        }
    }

    /// <summary>Ends one use of <paramref name="thread"/>; the last stops it and closes its consumer.</summary>
    public void Release(KafkaConsumerThread thread)
    {
        lock (_lock)
        {
            if (_thread != thread || --_users > 0)
            {
                return;
            }

            _thread = null;
        }

        thread.Dispose();
    }

    /// <summary>Stops the thread and closes the consumer even while partitions are still assigned (the silo is gone).</summary>
    public void Dispose()
    {
        KafkaConsumerThread? thread;
        lock (_lock)
        {
            _disposed = true;
            thread = _thread;
            _thread = null;
        }

        thread?.Dispose();
    }
}
