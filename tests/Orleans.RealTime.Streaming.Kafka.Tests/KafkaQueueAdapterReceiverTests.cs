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
}
