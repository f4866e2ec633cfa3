using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.RealTime.Streaming.Kafka.Embedded;
using Orleans.RealTime.Streaming.Kafka.Providers;
using Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

namespace Orleans.RealTime.Streaming.Kafka.Tests;

/// <summary>
/// A read of an empty partition waits for the next record and returns it the moment it arrives (not at the pulling
/// agent's next timer tick), and ends its wait when the agent cancels it (capacity and order: KafkaSharedConsumerTests).
/// </summary>
public sealed class KafkaReadWaitTests
{
    private const string Topic = "t-wait";

    [Fact]
    public async Task ReadOfAnEmptyPartition_ReturnsTheRecordProducedDuringItsWait()
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = [Topic], Partitions = 1 });
        var (receiver, clients) = await StartReceiverAsync(kafka, readWait: TimeSpan.FromMinutes(5));
        using var _ = clients;

        var read = receiver.GetQueueMessagesAsync(10, CancellationToken.None);
        await ProduceAsync(kafka, "e-1");

        // Minutes before the read's own wait would end: only the record's arrival can complete it this soon.
        var batches = await read.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, Assert.Single(batches).SequenceToken.SequenceNumber);
        await receiver.Shutdown(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task CancelingAWaitingRead_ReturnsNothingAtOnce_AndTheNextReadStillGetsTheRecord()
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = [Topic], Partitions = 1 });
        var (receiver, clients) = await StartReceiverAsync(kafka, readWait: TimeSpan.FromMinutes(5));
        using var _ = clients;
        using var cancel = new CancellationTokenSource();

        var read = receiver.GetQueueMessagesAsync(10, cancel.Token);
        await cancel.CancelAsync();
        Assert.Empty(await read.WaitAsync(TimeSpan.FromSeconds(30)));

        await ProduceAsync(kafka, "e-1");
        var next = await receiver.GetQueueMessagesAsync(10, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Single(next);
        await receiver.Shutdown(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ZeroReadWait_ReturnsAnEmptyReadAtOnce()
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = [Topic], Partitions = 1 });
        var (receiver, clients) = await StartReceiverAsync(kafka, readWait: TimeSpan.Zero);
        using var _ = clients;

        Assert.Empty(await receiver.GetQueueMessagesAsync(10, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
        await receiver.Shutdown(TimeSpan.FromSeconds(5));
    }

    private static async Task<(KafkaQueueAdapterReceiver Receiver, KafkaClients Clients)> StartReceiverAsync(EmbeddedKafka kafka, TimeSpan readWait)
    {
        var options = new KafkaStreamOptions { BootstrapServers = kafka.BootstrapServers, Topics = [Topic], ConsumerGroupId = "g-wait", ReadWait = readWait };
        var clients = new KafkaClients(options, NullLogger.Instance);
        var registry = new KafkaPartitionRegistry("kafka");
        var queue = new KafkaStreamQueueMapper(new Dictionary<string, int> { [Topic] = 1 }).GetAllQueues().Single();
        var receiver = new KafkaQueueAdapterReceiver(
            queue, clients, new UserInteractionDataAdapter(), registry,
            new KafkaRetentionGap(registry.Get(queue), NullLogger<KafkaRetentionGap>.Instance), TimeProvider.System, NullLogger<KafkaQueueAdapterReceiver>.Instance);
        await receiver.Initialize(TimeSpan.FromSeconds(10));
        return (receiver, clients);
    }

    private static async Task ProduceAsync(EmbeddedKafka kafka, string eventId)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = kafka.BootstrapServers }).Build();
        await producer.ProduceAsync(new TopicPartition(Topic, 0), new Message<string, byte[]> { Key = "user-1", Value = TestEvents.Bytes("user-1", eventId) });
    }
}
