using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.RealTime.Streaming.Kafka.Embedded;
using Orleans.RealTime.Streaming.Kafka.Providers;
using Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

namespace Orleans.RealTime.Streaming.Kafka.Tests;

/// <summary>
/// The partitions a silo reads share one consumer and thread: a full feed pauses its own partition only, a partition
/// released and assigned again starts where the new assignment says, and the last release closes the consumer.
/// </summary>
public sealed class KafkaSharedConsumerTests
{
    private const string Topic = "t-shared";

    [Fact]
    public async Task FullFeed_PausesOnlyItsPartition_AndLosesNothingOnceTaken()
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = [Topic], Partitions = 2 });
        Produce(kafka, partition: 0, count: 30);
        Produce(kafka, partition: 1, count: 30);
        using var clients = Clients(kafka);
        var thread = clients.SharedConsumer.Acquire();
        using var full = thread.Assign(new TopicPartition(Topic, 0), start: 0, capacity: 3, resumeAt: 1);
        thread = clients.SharedConsumer.Acquire();
        using var other = thread.Assign(new TopicPartition(Topic, 1), start: 0, capacity: 3, resumeAt: 1);

        // Partition 0 is never taken from meanwhile: its full feed must not hold up partition 1.
        Assert.Equal(Range(0, 30), await TakeAsync(other, 30, capacity: 3));
        Assert.Equal(Range(0, 30), await TakeAsync(full, 30, capacity: 3));
    }

    [Fact]
    public async Task PartitionReleasedAndAssignedAgain_StartsAtTheNewOffset()
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = [Topic], Partitions = 2 });
        Produce(kafka, partition: 0, count: 20);
        using var clients = Clients(kafka);

        // Partition 1 keeps the consumer running while partition 0 is released and assigned again.
        using var keeper = clients.SharedConsumer.Acquire().Assign(new TopicPartition(Topic, 1), start: 0, capacity: 10, resumeAt: 1);
        var first = clients.SharedConsumer.Acquire();
        using (var feed = first.Assign(new TopicPartition(Topic, 0), start: 0, capacity: 2, resumeAt: 1))
        {
            Assert.Equal(Range(0, 2), await TakeAsync(feed, 2, capacity: 2));
            Assert.Throws<InvalidOperationException>(() => clients.SharedConsumer.Acquire().Assign(new TopicPartition(Topic, 0), start: 5, capacity: 2, resumeAt: 1));
        }

        var again = clients.SharedConsumer.Acquire();
        Assert.Same(first, again);
        using var reassigned = again.Assign(new TopicPartition(Topic, 0), start: 12, capacity: 2, resumeAt: 1);
        Assert.Equal(Range(12, 8), await TakeAsync(reassigned, 8, capacity: 2));
    }

    [Fact]
    public async Task RecordBelowTheFeedsNextOffset_IsDropped()
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = [Topic], Partitions = 2 });
        Produce(kafka, partition: 0, count: 10);
        using var clients = Clients(kafka);
        using var feed = clients.SharedConsumer.Acquire().Assign(new TopicPartition(Topic, 0), start: 5, capacity: 10, resumeAt: 1);
        Assert.Equal(Range(5, 5), await TakeAsync(feed, 5, capacity: 10));

        // What an earlier assignment of the partition on this consumer had fetched, arriving late, is not held again.
        feed.Hold(new ConsumeResult<byte[], byte[]>
        {
            TopicPartitionOffset = new TopicPartitionOffset(Topic, 0, 3),
            Message = new Message<byte[], byte[]> { Key = [], Value = [] },
        });
        var taken = new List<ConsumeResult<byte[], byte[]>>();
        feed.Take(taken, maxCount: 100);
        Assert.Empty(taken);
    }

    [Fact]
    public async Task LastRelease_ClosesTheConsumer_AndTheNextAssignmentStartsAnother()
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = [Topic], Partitions = 2 });
        Produce(kafka, partition: 0, count: 3);
        using var clients = Clients(kafka);
        var first = clients.SharedConsumer.Acquire();
        first.Assign(new TopicPartition(Topic, 0), start: 0, capacity: 10, resumeAt: 1).Dispose();

        Assert.Throws<ObjectDisposedException>(() => first.Consumer.Assignment);
        var second = clients.SharedConsumer.Acquire();
        Assert.NotSame(first, second);
        using var feed = second.Assign(new TopicPartition(Topic, 0), start: 0, capacity: 10, resumeAt: 1);
        Assert.Equal(Range(0, 3), await TakeAsync(feed, 3, capacity: 10));
    }

    private static KafkaClients Clients(EmbeddedKafka kafka) =>
        new(new KafkaStreamOptions
        {
            BootstrapServers = kafka.BootstrapServers,
            Topics = [Topic],
            ConsumerGroupId = "g-shared",

            // The embedded broker holds a fetch that finds nothing for the whole wait: short, so a resume fetches at once.
            ConsumerSettings = new Dictionary<string, string> { ["fetch.wait.max.ms"] = "10" },
        }, NullLogger.Instance);

    private static IEnumerable<long> Range(long start, int count) => Enumerable.Range(0, count).Select(i => start + i);

    /// <summary>Takes from <paramref name="feed"/> until <paramref name="count"/> records came, checking it never held more than <paramref name="capacity"/>.</summary>
    private static async Task<List<long>> TakeAsync(KafkaRecordFeed feed, int count, int capacity)
    {
        var offsets = new List<long>();
        var taken = new List<ConsumeResult<byte[], byte[]>>();
        var deadline = Stopwatch.StartNew();
        while (offsets.Count < count && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await feed.WaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
            feed.Take(taken, maxCount: 100);
            Assert.InRange(taken.Count, 0, capacity);
            offsets.AddRange(taken.Select(r => r.Offset.Value));
            taken.Clear();
        }

        return offsets;
    }

    private static void Produce(EmbeddedKafka kafka, int partition, int count)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = kafka.BootstrapServers }).Build();
        for (var i = 0; i < count; i++)
        {
            producer.Produce(new TopicPartition(Topic, partition), new Message<string, byte[]> { Key = $"user-{partition}", Value = TestEvents.Bytes($"user-{partition}", $"e-{partition}-{i}") });
        }

        producer.Flush(TimeSpan.FromSeconds(30));
    }
}
