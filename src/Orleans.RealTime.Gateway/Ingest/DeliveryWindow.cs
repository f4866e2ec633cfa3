using Confluent.Kafka;

namespace Orleans.RealTime.Gateway.Ingest;

/// <summary>
/// The deliveries one <c>PublishStream</c> call has in flight, oldest first: produce calls are pipelined, and the
/// window waits for the oldest only when it is full; it counts acknowledgements and failures as they complete.
/// </summary>
internal sealed class DeliveryWindow(int capacity)
{
    private readonly Queue<Task<DeliveryResult<string, byte[]>>> _pending = new();

    public long Acknowledged { get; private set; }

    public long Failed { get; private set; }

    public Exception? FirstFailure { get; private set; }

    /// <summary>Adds a delivery; takes completed ones off the front, and waits for the oldest while more than the capacity are pending.</summary>
    public async ValueTask AddAsync(Task<DeliveryResult<string, byte[]>> delivery, CancellationToken cancellation)
    {
        _pending.Enqueue(delivery);
        while (_pending.Count > capacity || (_pending.Count > 0 && _pending.Peek().IsCompleted))
        {
            await TakeOldestAsync(cancellation);
        }
    }

    /// <summary>Counts a delivery that failed before it could start (e.g. the producer's queue was full).</summary>
    public void AddFailed(Exception failure)
    {
        Failed++;
        FirstFailure ??= failure;
    }

    /// <summary>Waits for every pending delivery.</summary>
    public async Task DrainAsync(CancellationToken cancellation)
    {
        while (_pending.Count > 0)
        {
            await TakeOldestAsync(cancellation);
        }
    }

    private async Task TakeOldestAsync(CancellationToken cancellation)
    {
        var oldest = _pending.Peek();
        try
        {
            var result = await oldest.WaitAsync(cancellation);
            if (result.Status == PersistenceStatus.Persisted)
            {
                Acknowledged++;
            }
            else
            {
                AddFailed(new InvalidOperationException($"Kafka reported persistence status {result.Status}."));
            }
        }
        catch (KafkaException failure)
        {
            AddFailed(failure);
        }

        _ = _pending.Dequeue();
    }
}
