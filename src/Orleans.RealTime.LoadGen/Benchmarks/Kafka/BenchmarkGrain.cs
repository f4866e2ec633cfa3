using Orleans.RealTime.Contracts.Events;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Orleans.RealTime.LoadGen.Benchmarks.Kafka;

/// <summary>Implicitly subscribed to the benchmark topic; decodes nothing itself (the provider did) and counts.</summary>
[ImplicitStreamSubscription(KafkaBenchmark.ProviderTopic)]
internal sealed class BenchmarkGrain(BenchmarkProgress progress) : Grain, IBenchmarkGrain, IStreamSubscriptionObserver, IAsyncObserver<UserInteraction>
{
    private long _count;

    public Task<long> GetCountAsync() => Task.FromResult(_count);

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) => handleFactory.Create<UserInteraction>().ResumeAsync(this);

    public Task OnNextAsync(UserInteraction item, StreamSequenceToken? token = null)
    {
        _count++;
        progress.Delivered();
        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
