using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>Creates the bounded cache of each partition.</summary>
internal sealed class KafkaQueueAdapterCache(KafkaClients clients, IKafkaDataAdapter dataAdapter, KafkaPartitionRegistry partitions) : IQueueAdapterCache
{
    public IQueueCache CreateQueueCache(QueueId queueId) =>
        new KafkaQueueCache(
            clients.Options.CacheSize,
            clients.Options.CacheMaxBytes,
            partitions.Get(queueId),
            clients,
            dataAdapter);
}
