using Confluent.Kafka;

namespace Orleans.RealTime.Gateway.Ingest;

/// <summary>The librdkafka settings of the ingest producer.</summary>
public static class IngestProducerConfig
{
    /// <summary>
    /// An idempotent producer (<c>acks=all</c>) partitioning keys by murmur2 like the Java client and the Orleans stream
    /// provider, failing a delivery after <see cref="IngestOptions.DeliveryTimeout"/>; extra
    /// <see cref="IngestOptions.ProducerSettings"/> apply underneath.
    /// </summary>
    /// <param name="options">The ingest settings.</param>
    /// <returns>The producer configuration.</returns>
    public static ProducerConfig For(IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new ProducerConfig(new Dictionary<string, string>(options.ProducerSettings))
        {
            BootstrapServers = options.BootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            Partitioner = Partitioner.Murmur2Random,
            MessageTimeoutMs = (int)options.DeliveryTimeout.TotalMilliseconds,
            LingerMs = options.LingerMs,
        };
        if (!options.ProducerSettings.ContainsKey("queue.buffering.max.messages"))
        {
            config.QueueBufferingMaxMessages = 1_000_000;
        }

        return config;
    }
}
