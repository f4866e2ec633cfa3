using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// When Orleans gives up delivering an event, dead-letters a pointer to its record and lets the partition's commits
/// move past it, instead of stalling the partition.
/// </summary>
internal sealed class KafkaDeliveryFailureHandler(QueueId queueId, KafkaPartitionRegistry registry) : IStreamFailureHandler
{
    public bool ShouldFaultSubsriptionOnError => false;

    public Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamId, StreamSequenceToken? sequenceToken) =>
        sequenceToken is null ? Task.CompletedTask : registry.Receiver(queueId)?.DeliveryFailedAsync(streamId, sequenceToken) ?? Task.CompletedTask;

    public Task OnSubscriptionFailure(GuidId subscriptionId, string streamProviderName, StreamId streamId, StreamSequenceToken? sequenceToken) =>
        Task.CompletedTask;
}
