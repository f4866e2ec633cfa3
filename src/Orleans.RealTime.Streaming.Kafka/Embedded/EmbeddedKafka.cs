using System.Runtime.InteropServices;

namespace Orleans.RealTime.Streaming.Kafka.Embedded;

/// <summary>
/// An in-process Kafka broker for development and tests: librdkafka's mock cluster, speaking the Kafka wire protocol on
/// a random loopback port. It keeps only the newest 5 MiB or 100,000 batches of each partition and has no durability.
/// </summary>
public sealed class EmbeddedKafka : IAsyncDisposable, IDisposable
{
    private readonly Lock _lock = new();
    private IntPtr _handle;
    private IntPtr _cluster;

    private EmbeddedKafka(IntPtr handle, IntPtr cluster, int partitions)
    {
        _handle = handle;
        _cluster = cluster;
        DefaultPartitions = partitions;
        BootstrapServers = Marshal.PtrToStringUTF8(MockClusterNative.rd_kafka_mock_cluster_bootstraps(cluster))
            ?? throw new InvalidOperationException("The mock cluster returned no bootstrap address.");
    }

    /// <summary>The <c>host:port</c> list any Kafka client can bootstrap from.</summary>
    public string BootstrapServers { get; }

    /// <summary>Partitions given to topics created without an explicit count.</summary>
    public int DefaultPartitions { get; }

    /// <summary>Starts a mock cluster and creates <see cref="EmbeddedKafkaOptions.Topics"/>.</summary>
    public static EmbeddedKafka Start(EmbeddedKafkaOptions? options = null)
    {
        options ??= new EmbeddedKafkaOptions();
        options.Validate();
        MockClusterNative.EnsureLoaded();
        var handle = MockClusterNative.NewHandle();
        var cluster = MockClusterNative.rd_kafka_mock_cluster_new(handle, options.Brokers);
        if (cluster == IntPtr.Zero)
        {
            MockClusterNative.rd_kafka_destroy(handle);
            throw new InvalidOperationException("rd_kafka_mock_cluster_new failed.");
        }

        MockClusterNative.rd_kafka_mock_group_initial_rebalance_delay_ms(cluster, 0);
        var kafka = new EmbeddedKafka(handle, cluster, options.Partitions);
        foreach (var topic in options.Topics)
        {
            kafka.CreateTopic(topic, options.Partitions);
        }

        return kafka;
    }

    /// <summary>Creates <paramref name="topic"/> with <paramref name="partitions"/> partitions (the default count when null).</summary>
    public void CreateTopic(string topic, int? partitions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_cluster == IntPtr.Zero, this);
            var error = MockClusterNative.rd_kafka_mock_topic_create(_cluster, topic, partitions ?? DefaultPartitions, 1);
            if (error != 0)
            {
                throw new InvalidOperationException($"Creating topic '{topic}' failed with librdkafka error {error}.");
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            if (_cluster != IntPtr.Zero)
            {
                MockClusterNative.rd_kafka_mock_cluster_destroy(_cluster);
                MockClusterNative.rd_kafka_destroy(_handle);
                _cluster = IntPtr.Zero;
                _handle = IntPtr.Zero;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
