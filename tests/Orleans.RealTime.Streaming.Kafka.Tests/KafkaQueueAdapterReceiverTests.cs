using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans.RealTime.Streaming.Kafka.Embedded;
using Orleans.RealTime.Streaming.Kafka.Providers;
using Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;
using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Tests;

public sealed class KafkaQueueAdapterReceiverTests
{
    [Fact]
    public async Task AssignmentFailingAtInitialize_IsRetriedOnRead_AndThePartitionIsRead()
    {
        // Orleans' pulling agent never initializes a receiver again: a receiver whose Initialize threw read nothing
        // for the rest of its life. The broker is unreachable at first (nothing listens on port 1), then reachable.
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = ["t-assign"], Partitions = 1 });
        using (var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = kafka.BootstrapServers }).Build())
        {
            await producer.ProduceAsync(new TopicPartition("t-assign", 0), new Message<string, byte[]> { Key = "user-1", Value = TestEvents.Bytes("user-1", "e-1") });
        }

        var options = new KafkaStreamOptions
        {
            BootstrapServers = "127.0.0.1:1",
            Topics = ["t-assign"],
            ConsumerGroupId = "g-assign",
            RequestTimeout = TimeSpan.FromMilliseconds(300),
        };
        var time = new FakeTimeProvider();
        var logger = new CapturingLogger();
        using var clients = new KafkaClients(options, NullLogger.Instance);
        var registry = new KafkaPartitionRegistry("kafka");
        var queue = new KafkaStreamQueueMapper(new Dictionary<string, int> { ["t-assign"] = 1 }).GetAllQueues().Single();
        var receiver = new KafkaQueueAdapterReceiver(
            queue,
            clients,
            new UserInteractionDataAdapter(),
            registry,
            new KafkaRetentionGap(registry.Get(queue), NullLogger<KafkaRetentionGap>.Instance),
            time,
            new CapturingLogger<KafkaQueueAdapterReceiver>(logger));

        await receiver.Initialize(TimeSpan.FromSeconds(5));
        Assert.Contains(logger.Entries, e => e.Message.Contains("Assigning Kafka partition t-assign[0] failed", StringComparison.Ordinal));
        Assert.Empty(await receiver.GetQueueMessagesAsync(10));

        options.BootstrapServers = kafka.BootstrapServers;
        time.Advance(KafkaQueueAdapterReceiver.AssignRetryDelay);
        IList<IBatchContainer> read = [];
        await Eventually.HoldsAsync(async () => (read = await receiver.GetQueueMessagesAsync(10)).Count > 0, TimeSpan.FromSeconds(30), "the record read after the retried assignment");

        Assert.Equal(0, Assert.Single(read).SequenceToken.SequenceNumber);
        Assert.Contains(logger.Entries, e => e.Message.Contains("Kafka partition t-assign[0] assigned; reading from offset 0", StringComparison.Ordinal));
        await receiver.Shutdown(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task CommitDelay_KeepsDeliveredOffsetsUncommittedUntilTheDelayPassed_ShutdownCommitsAtOnce()
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = ["t-delay"], Partitions = 1 });
        using (var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = kafka.BootstrapServers }).Build())
        {
            for (var i = 0; i < 3; i++)
            {
                await producer.ProduceAsync(new TopicPartition("t-delay", 0), new Message<string, byte[]> { Key = "user-1", Value = TestEvents.Bytes("user-1", $"e-{i}") });
            }
        }

        var options = new KafkaStreamOptions
        {
            BootstrapServers = kafka.BootstrapServers,
            Topics = ["t-delay"],
            ConsumerGroupId = "g-delay",
            CommitInterval = TimeSpan.FromSeconds(1),
            CommitDelay = TimeSpan.FromMinutes(1),
        };
        var time = new FakeTimeProvider();
        using var clients = new KafkaClients(options, NullLogger.Instance);
        var registry = new KafkaPartitionRegistry("kafka");
        var queue = new KafkaStreamQueueMapper(new Dictionary<string, int> { ["t-delay"] = 1 }).GetAllQueues().Single();
        var receiver = new KafkaQueueAdapterReceiver(
            queue, clients, new UserInteractionDataAdapter(), registry,
            new KafkaRetentionGap(registry.Get(queue), NullLogger<KafkaRetentionGap>.Instance), time, NullLogger<KafkaQueueAdapterReceiver>.Instance);
        await receiver.Initialize(TimeSpan.FromSeconds(5));
        var read = new List<IBatchContainer>();
        await Eventually.HoldsAsync(async () => { read.AddRange(await receiver.GetQueueMessagesAsync(10)); return read.Count == 3; }, TimeSpan.FromSeconds(30), "three records read");
        await receiver.MessagesDeliveredAsync(read);

        time.Advance(TimeSpan.FromSeconds(59));
        await receiver.GetQueueMessagesAsync(10);
        Assert.Equal(-1, Committed(kafka, "t-delay", "g-delay"));

        time.Advance(TimeSpan.FromSeconds(1));
        await receiver.GetQueueMessagesAsync(10);
        Assert.Equal(3, Committed(kafka, "t-delay", "g-delay"));

        // A later offset waits again; shutdown commits it without waiting (its deliveries have ended by then).
        using (var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = kafka.BootstrapServers }).Build())
        {
            await producer.ProduceAsync(new TopicPartition("t-delay", 0), new Message<string, byte[]> { Key = "user-1", Value = TestEvents.Bytes("user-1", "e-3") });
        }

        read.Clear();
        await Eventually.HoldsAsync(async () => { read.AddRange(await receiver.GetQueueMessagesAsync(10)); return read.Count == 1; }, TimeSpan.FromSeconds(30), "the fourth record read");
        await receiver.MessagesDeliveredAsync(read);
        time.Advance(TimeSpan.FromSeconds(2));
        await receiver.GetQueueMessagesAsync(10);
        Assert.Equal(3, Committed(kafka, "t-delay", "g-delay"));
        await receiver.Shutdown(TimeSpan.FromSeconds(5));
        Assert.Equal(4, Committed(kafka, "t-delay", "g-delay"));
    }

    private static long Committed(EmbeddedKafka kafka, string topic, string group) => KafkaTestCluster.CommittedOffsets(kafka, group, topic, 1).Single();
}
