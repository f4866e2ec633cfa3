using Microsoft.Extensions.Logging;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>Creates the bounded cache of each partition.</summary>
internal sealed class KafkaQueueAdapterCache(KafkaStreamOptions options, KafkaPartitionRegistry partitions, ILoggerFactory loggerFactory) : IQueueAdapterCache
{
    public IQueueCache CreateQueueCache(QueueId queueId) =>
        new KafkaQueueCache(
            new SimpleQueueCache(options.CacheSize, loggerFactory.CreateLogger<SimpleQueueCache>()),
            options.CacheSize,
            options.CacheMaxBytes,
            partitions.Get(queueId));
}
