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

    private KafkaTestCluster(EmbeddedKafka kafka, string topic, InProcessTestCluster cluster, AssignmentLog assignments)
    {
        Assignments = assignments;
        Kafka = kafka;
        Topic = topic;
        Cluster = cluster;
    }

    public EmbeddedKafka Kafka { get; }

    public string Topic { get; }

    public InProcessTestCluster Cluster { get; }

    public DeliveryLog Log => DeliveryLog.For(Topic);

    public AssignmentLog Assignments { get; }

    public static Task<KafkaTestCluster> StartAsync(short silos = 1, int partitions = 8, Action<KafkaStreamOptions>? configure = null)
    {
        var topic = "t-" + Guid.NewGuid().ToString("N")[..12];
        var kafka = EmbeddedKafka.Start();
        kafka.CreateTopic(topic, partitions);
        return StartExistingAsync(kafka, topic, "g-" + topic, silos, configure);
    }

    /// <summary>Starts a cluster over an existing broker and topic; the test cluster disposes the broker.</summary>
    public static async Task<KafkaTestCluster> StartExistingAsync(EmbeddedKafka kafka, string topic, string group, short silos = 1, Action<KafkaStreamOptions>? configure = null)
    {
        void Configure(KafkaStreamOptions options)
        {
            options.BootstrapServers = kafka.BootstrapServers;
            options.Topics = [topic];
            options.ConsumerGroupId = group;
            options.CommitInterval = TimeSpan.FromMilliseconds(100);
            configure?.Invoke(options);
        }

        var assignments = new AssignmentLog();
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSiloHost((options, host) => host.Logging.AddProvider(assignments.For(options.SiloName)));
        builder.ConfigureSilo((_, silo) => silo
            .AddMemoryGrainStorage("PubSubStore")
            .AddKafkaStreams(Provider, Configure));
        builder.ConfigureClient(client => client.AddKafkaStreams(Provider, Configure));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new KafkaTestCluster(kafka, topic, cluster, assignments);
    }

    public IProducer<string, byte[]> CreateExternalProducer() =>
        new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = Kafka.BootstrapServers,
            Partitioner = Partitioner.Murmur2Random,
            EnableIdempotence = true,
            LingerMs = 5,
        }).Build();

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Kafka.DisposeAsync();
    }
}
