using System.Collections.Concurrent;

namespace Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

/// <summary>Holds a test grain's deliveries for one stream until the test opens the gate: a deliberately slow subscriber.</summary>
public static class DeliveryGate
{
    private static readonly ConcurrentDictionary<(string Topic, string Key), TaskCompletionSource> Gates = new();

    /// <summary>Closes the gate of <paramref name="key"/> on <paramref name="topic"/>; returns the action that opens it.</summary>
    public static Action Close(string topic, string key)
    {
        var gate = Gates.GetOrAdd((topic, key), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return () => gate.TrySetResult();
    }

    public static Task WaitAsync(string topic, string key) =>
        Gates.TryGetValue((topic, key), out var gate) ? gate.Task : Task.CompletedTask;
}
