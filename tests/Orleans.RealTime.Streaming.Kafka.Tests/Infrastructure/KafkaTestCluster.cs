using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Orleans.RealTime.Streaming.Kafka.Embedded;
using Orleans.RealTime.Streaming.Kafka.Hosting;
using Orleans.TestingHost;

namespace Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

/// <summary>An embedded broker with one fresh topic, and an in-process Orleans cluster reading it through provider "kafka".</summary>
public sealed class KafkaTestCluster : IAsyncDisposable
{
    public const string Provider = "kafka";

    private KafkaTestCluster(EmbeddedKafka kafka, string topic, string group, InProcessTestCluster cluster, AssignmentLog assignments)
    {
        Group = group;
        Assignments = assignments;
        Kafka = kafka;
        Topic = topic;
        Cluster = cluster;
    }

    public EmbeddedKafka Kafka { get; }

    public string Topic { get; }

    public string Group { get; }

    public InProcessTestCluster Cluster { get; }

    public DeliveryLog Log => DeliveryLog.For(Topic);

    public AssignmentLog Assignments { get; }

    public static Task<KafkaTestCluster> StartAsync(short silos = 1, int partitions = 8, Action<KafkaStreamOptions>? configure = null, Action<ISiloBuilder>? configureSilo = null)
    {
        var topic = "t-" + Guid.NewGuid().ToString("N")[..12];
        var kafka = EmbeddedKafka.Start();
        kafka.CreateTopic(topic, partitions);
        return StartExistingAsync(kafka, topic, "g-" + topic, silos, configure, configureSilo);
    }

    /// <summary>Starts a cluster over an existing broker and topic; the test cluster disposes the broker.</summary>
    public static async Task<KafkaTestCluster> StartExistingAsync(EmbeddedKafka kafka, string topic, string group, short silos = 1, Action<KafkaStreamOptions>? configure = null, Action<ISiloBuilder>? configureSilo = null)
    {
        void Configure(KafkaStreamOptions options)
        {
            options.BootstrapServers = kafka.BootstrapServers;
            options.Topics = [topic];
            options.ConsumerGroupId = group;
            options.CommitInterval = TimeSpan.FromMilliseconds(100);
            // Commits at once, so the tests can watch them reach the end (their delivery calls carry one record unless a test says otherwise).
            options.CommitDelay = TimeSpan.Zero;
            configure?.Invoke(options);
        }

        var assignments = new AssignmentLog();
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSiloHost((options, host) => host.Logging.AddProvider(assignments.For(options.SiloName)));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage("PubSubStore").AddKafkaStreams(Provider, Configure);
            configureSilo?.Invoke(silo);
        });
        builder.ConfigureClient(client => client.AddKafkaStreams(Provider, Configure));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new KafkaTestCluster(kafka, topic, group, cluster, assignments);
    }

    public IProducer<string, byte[]> CreateExternalProducer() =>
        new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = Kafka.BootstrapServers,
            Partitioner = Partitioner.Murmur2Random,
            EnableIdempotence = true,
            LingerMs = 5,
        }).Build();

    /// <summary>The consumer group's committed offset of every partition (-1 where none is committed).</summary>
    public IReadOnlyList<long> CommittedOffsets(int partitions) => CommittedOffsets(Kafka, Group, Topic, partitions);

    /// <summary>Consumer group <paramref name="group"/>'s committed offset of every partition of <paramref name="topic"/> (-1 where none is committed).</summary>
    public static IReadOnlyList<long> CommittedOffsets(EmbeddedKafka kafka, string group, string topic, int partitions)
    {
        using var probe = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = kafka.BootstrapServers, GroupId = group }).Build();
        var all = Enumerable.Range(0, partitions).Select(p => new TopicPartition(topic, p)).ToList();
        return [.. probe.Committed(all, TimeSpan.FromSeconds(30)).OrderBy(c => c.Partition.Value).Select(c => c.Offset.IsSpecial ? -1 : c.Offset.Value)];
    }

    /// <summary>The high watermark (one past the last record) of every partition.</summary>
    public IReadOnlyList<long> HighWatermarks(int partitions)
    {
        using var probe = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = Kafka.BootstrapServers, GroupId = "probe" }).Build();
        return [.. Enumerable.Range(0, partitions).Select(p => probe.QueryWatermarkOffsets(new TopicPartition(Topic, p), TimeSpan.FromSeconds(30)).High.Value)];
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Kafka.DisposeAsync();
    }
}
