using Confluent.Kafka;

namespace Orleans.RealTime.Gateway.Ingest;

/// <summary>
/// The deliveries one <c>PublishStream</c> call has in flight: produce calls are pipelined, at most
/// <c>capacity</c> at a time, and counted by the producer's delivery handler as the broker acknowledges them (no task
/// or thread-pool hop per event). It is deliberately not disposable: a call that ends early (deadline, cancellation)
/// leaves deliveries whose handlers still run later.
/// </summary>
internal sealed class DeliveryWindow
{
    private readonly SemaphoreSlim _slots;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _pending;
    private long _acknowledged;
    private long _failed;
    private int _draining;
    private Exception? _firstFailure;

    public DeliveryWindow(int capacity)
    {
        _slots = new SemaphoreSlim(capacity, capacity);
        Handler = OnDelivered;
    }

    /// <summary>The delivery handler to pass to the producer for each record started through this window.</summary>
    public Action<DeliveryReport<string, byte[]>> Handler { get; }

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public long Failed => Interlocked.Read(ref _failed);

    public Exception? FirstFailure => Volatile.Read(ref _firstFailure);

    /// <summary>Waits for a free slot, then starts one delivery with <paramref name="produce"/>.</summary>
    public async ValueTask StartAsync(Action<Action<DeliveryReport<string, byte[]>>> produce, CancellationToken cancellation)
    {
        await _slots.WaitAsync(cancellation);
        Interlocked.Increment(ref _pending);
        try
        {
            produce(Handler);
        }
        catch (KafkaException failure)
        {
            // Thrown before the record was queued, e.g. the producer's local queue is full.
            Fail(failure);
            Completed();
        }
    }

    /// <summary>Waits until every started delivery was acknowledged or failed.</summary>
    public Task DrainAsync(CancellationToken cancellation)
    {
        Interlocked.Exchange(ref _draining, 1);
        if (Interlocked.Read(ref _pending) == 0)
        {
            _drained.TrySetResult();
        }

        return _drained.Task.WaitAsync(cancellation);
    }

    private void OnDelivered(DeliveryReport<string, byte[]> report)
    {
        if (report.Error.IsError)
        {
            Fail(new ProduceException<string, byte[]>(report.Error, report));
        }
        else if (report.Status != PersistenceStatus.Persisted)
        {
            Fail(new InvalidOperationException($"Kafka reported persistence status {report.Status}."));
        }
        else
        {
            Interlocked.Increment(ref _acknowledged);
        }

        Completed();
    }

    private void Fail(Exception failure)
    {
        Interlocked.CompareExchange(ref _firstFailure, failure, null);
        Interlocked.Increment(ref _failed);
    }

    private void Completed()
    {
        _slots.Release();
        if (Interlocked.Decrement(ref _pending) == 0 && Volatile.Read(ref _draining) == 1)
        {
            _drained.TrySetResult();
        }
    }
}
