using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.Streaming.Kafka.Providers;
using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

/// <summary>An explicit (client-side) subscriber that writes what it receives to the delivery log named <paramref name="logName"/>.</summary>
public sealed class LoggingObserver(string logName) : IAsyncObserver<UserInteraction>
{
    public DeliveryLog Log => DeliveryLog.For(logName);

    public Task OnNextAsync(UserInteraction item, StreamSequenceToken? token = null)
    {
        var record = KafkaRecordContext.Current;
        Log.Add(new Delivery(logName, item.UserId, item.EventId, token?.SequenceNumber ?? -1, record?.Partition, record?.Offset, record?.Headers ?? [], "client"));
        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
