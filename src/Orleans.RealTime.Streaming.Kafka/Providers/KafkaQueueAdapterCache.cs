using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// Creates the bounded cache of each partition; <c>deliveryBatchSize</c> is the pulling agent's
/// <c>BatchContainerBatchSize</c> (most records per delivery call), which the cursors need to pin a whole call.
/// </summary>
internal sealed class KafkaQueueAdapterCache(KafkaClients clients, IKafkaDataAdapter dataAdapter, KafkaPartitionRegistry partitions, int deliveryBatchSize, ILoggerFactory loggerFactory) : IQueueAdapterCache
{
    public IQueueCache CreateQueueCache(QueueId queueId)
    {
        var state = partitions.Get(queueId);
        return new KafkaQueueCache(
            clients.Options.CacheSize,
            clients.Options.CacheMaxBytes,
            deliveryBatchSize,
            state,
            clients,
            dataAdapter,
            new KafkaRetentionGap(state, loggerFactory.CreateLogger<KafkaRetentionGap>()));
    }
}
