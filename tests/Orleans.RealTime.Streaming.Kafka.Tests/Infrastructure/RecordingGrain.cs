using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.Streaming.Kafka.Providers;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

/// <summary>Implicitly subscribed to every test topic (prefix <c>t-</c>); writes what it receives to the <see cref="DeliveryLog"/>.</summary>
[RegexImplicitStreamSubscription("^t-")]
public sealed class RecordingGrain(ILocalSiloDetails silo) : Grain, IRecordingGrain, IStreamSubscriptionObserver, IAsyncObserver<UserInteraction>
{
    private string _topic = "";

    public Task PingAsync() => Task.CompletedTask;

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        _topic = handleFactory.StreamId.GetNamespace()!;
        await handleFactory.Create<UserInteraction>().ResumeAsync(this);
    }

    public async Task OnNextAsync(UserInteraction item, StreamSequenceToken? token = null)
    {
        var record = KafkaRecordContext.Current;
        await DeliveryGate.WaitAsync(_topic, this.GetPrimaryKeyString());
        DeliveryLog.For(_topic).Add(new Delivery(
            _topic,
            this.GetPrimaryKeyString(),
            item.EventId,
            token?.SequenceNumber ?? -1,
            record?.Partition,
            record?.Offset,
            record?.Headers ?? [],
            silo.Name));
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
