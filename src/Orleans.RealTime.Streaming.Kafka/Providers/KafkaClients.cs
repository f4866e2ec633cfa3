using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// Builds the provider's Kafka clients; owns the one shared idempotent producer and the one shared consumer. Consumers get only
/// <see cref="KafkaStreamOptions.ConsumerSettings"/>, the producer (and the metadata client built on its handle) only
/// <see cref="KafkaStreamOptions.ProducerSettings"/>; librdkafka's log lines go to <paramref name="logger"/>.
/// </summary>
internal sealed class KafkaClients(KafkaStreamOptions options, ILogger logger) : IDisposable
{
    private readonly Lazy<IProducer<byte[], byte[]>> _producer = new(() => new ProducerBuilder<byte[], byte[]>(ProducerConfig(options))
        .SetLogHandler((_, message) => KafkaClientLog.Write(logger, message))
        .Build());

    private KafkaSharedConsumer? _consumer;

    /// <summary>The idempotent (<c>acks=all</c>) producer, keyed murmur2 partitioning like the Java client.</summary>
    public IProducer<byte[], byte[]> Producer => _producer.Value;

    public KafkaStreamOptions Options => options;

    /// <summary>The consumer every receiver of the provider on this silo reads its partition through.</summary>
    public KafkaSharedConsumer SharedConsumer => LazyInitializer.EnsureInitialized(ref _consumer, () => new KafkaSharedConsumer(this));

    public IConsumer<byte[], byte[]> CreateConsumer() => new ConsumerBuilder<byte[], byte[]>(ConsumerConfig(options))
        .SetLogHandler((_, message) => KafkaClientLog.Write(logger, message))
        .Build();

    /// <summary>A metadata client sharing the producer's connection (and so its settings); disposing it leaves the producer.</summary>
    public IAdminClient CreateAdminClient() => new DependentAdminClientBuilder(Producer.Handle).Build();

    public static ProducerConfig ProducerConfig(KafkaStreamOptions options)
    {
        // Confluent's config keeps the dictionary it is given and writes into it: copy, or every client would write
        // into the options' one dictionary (shared by all receivers of the silo, built in parallel).
        var config = new ProducerConfig(new Dictionary<string, string>(options.ProducerSettings))
        {
            BootstrapServers = options.BootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            Partitioner = Partitioner.Murmur2Random,
        };

        // A short linger batches Orleans producers' records unless the settings choose otherwise (setting the
        // property to null would remove the configured value).
        if (!options.ProducerSettings.ContainsKey("linger.ms"))
        {
            config.LingerMs = 5;
        }

        return config;
    }

    /// <remarks>Built on a copy of the settings, as <see cref="ProducerConfig"/> is.</remarks>
    public static ConsumerConfig ConsumerConfig(KafkaStreamOptions options) => new(new Dictionary<string, string>(options.ConsumerSettings))
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
        _consumer?.Dispose();
        if (_producer.IsValueCreated)
        {
            _producer.Value.Flush(options.RequestTimeout);
            _producer.Value.Dispose();
        }
    }
}
