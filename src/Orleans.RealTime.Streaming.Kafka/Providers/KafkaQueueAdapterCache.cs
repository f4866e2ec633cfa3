using Microsoft.Extensions.Logging;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>Creates the bounded cache of each partition.</summary>
internal sealed class KafkaQueueAdapterCache(KafkaClients clients, IKafkaDataAdapter dataAdapter, KafkaPartitionRegistry partitions, ILoggerFactory loggerFactory) : IQueueAdapterCache
{
    public IQueueCache CreateQueueCache(QueueId queueId) =>
        new KafkaQueueCache(
            new SimpleQueueCache(clients.Options.CacheSize, loggerFactory.CreateLogger<SimpleQueueCache>()),
            clients.Options.CacheSize,
            clients.Options.CacheMaxBytes,
            partitions.Get(queueId),
            clients,
            dataAdapter);
}
