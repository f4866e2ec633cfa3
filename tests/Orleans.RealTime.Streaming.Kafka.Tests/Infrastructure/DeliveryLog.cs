using System.Collections.Concurrent;

namespace Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

/// <summary>Everything the in-process test grains received, per topic; tests wait on it with deadlines.</summary>
public sealed class DeliveryLog
{
    private static readonly ConcurrentDictionary<string, DeliveryLog> Logs = new();
    private readonly Lock _lock = new();
    private readonly List<Delivery> _deliveries = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static DeliveryLog For(string topic) => Logs.GetOrAdd(topic, _ => new DeliveryLog());

    public IReadOnlyList<Delivery> Snapshot()
    {
        lock (_lock)
        {
            return [.. _deliveries];
        }
    }

    public void Add(Delivery delivery)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _deliveries.Add(delivery);
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>Waits until <paramref name="condition"/> holds over the deliveries, failing after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<Delivery>> WaitUntilAsync(Func<IReadOnlyList<Delivery>, bool> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            IReadOnlyList<Delivery> snapshot;
            lock (_lock)
            {
                snapshot = [.. _deliveries];
                changed = _changed.Task;
            }

            if (condition(snapshot))
            {
                return snapshot;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Condition not met within {timeout}; {snapshot.Count} deliveries so far.");
            }
        }
    }
}
