using Confluent.Kafka;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>Builds the provider's Kafka clients; owns the one shared idempotent producer.</summary>
internal sealed class KafkaClients(KafkaStreamOptions options) : IDisposable
{
    private readonly Lazy<IProducer<byte[], byte[]>> _producer = new(() => new ProducerBuilder<byte[], byte[]>(ProducerConfig(options)).Build());

    /// <summary>The idempotent (<c>acks=all</c>) producer, keyed murmur2 partitioning like the Java client.</summary>
    public IProducer<byte[], byte[]> Producer => _producer.Value;

    public KafkaStreamOptions Options => options;

    public IConsumer<byte[], byte[]> CreateConsumer() => new ConsumerBuilder<byte[], byte[]>(ConsumerConfig(options)).Build();

    public IAdminClient CreateAdminClient()
    {
        var config = new AdminClientConfig(options.ConsumerSettings) { BootstrapServers = options.BootstrapServers };
        return new AdminClientBuilder(config).Build();
    }

    public static ProducerConfig ProducerConfig(KafkaStreamOptions options) => new(options.ProducerSettings)
    {
        BootstrapServers = options.BootstrapServers,
        EnableIdempotence = true,
        Acks = Acks.All,
        Partitioner = Partitioner.Murmur2Random,
        LingerMs = options.ProducerSettings.ContainsKey("linger.ms") ? null : 5,
    };

    public static ConsumerConfig ConsumerConfig(KafkaStreamOptions options) => new(options.ConsumerSettings)
    {
        BootstrapServers = options.BootstrapServers,
        GroupId = options.ConsumerGroupId,
        EnableAutoCommit = false,
        EnableAutoOffsetStore = false,
        AutoOffsetReset = AutoOffsetReset.Earliest,
        EnablePartitionEof = false,
    };

    public void Dispose()
    {
        if (_producer.IsValueCreated)
        {
            _producer.Value.Flush(options.RequestTimeout);
            _producer.Value.Dispose();
        }
    }
}
