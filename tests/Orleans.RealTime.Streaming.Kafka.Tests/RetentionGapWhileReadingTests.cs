using Confluent.Kafka;
using Orleans.Configuration;
using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.Streaming.Kafka.Providers;
using Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

namespace Orleans.RealTime.Streaming.Kafka.Tests;

public sealed class RetentionGapWhileReadingTests
{
    private const int Held = 12;
    private const int Big = 25;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task LogStartPassesTheNextOffsetWhileReading_GapIsLoggedAndCounted_ReadingResumesAtLogStart_RewindBelowItReadsFromLogStart()
    {
        // A held subscriber fills its partition's small cache, so the receiver stops reading; librdkafka prefetches
        // almost nothing (queued.max.messages.kbytes=1). Then 25 records of 300 KB pass the embedded broker's
        // 5 MiB retention, and the log start moves past the offset the receiver will read next.
        await using var test = await KafkaTestCluster.StartAsync(
            partitions: 1,
            configure: o =>
            {
                o.CacheSize = 10;
                o.ConsumerSettings["queued.min.messages"] = "1";
                o.ConsumerSettings["queued.max.messages.kbytes"] = "1";
                o.ConsumerSettings["fetch.wait.max.ms"] = "10";
            },
            configureSilo: silo => silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(5)));
        using var metrics = new MetricRecorder(test.Topic);
        var open = DeliveryGate.Close(test.Topic, "held");
        using var producer = test.CreateExternalProducer();
        var partition = new TopicPartition(test.Topic, 0);
        for (var i = 0; i < Held; i++)
        {
            await producer.ProduceAsync(partition, new Message<string, byte[]> { Key = "held", Value = TestEvents.Bytes("held", $"h-{i}") });
        }

        await Eventually.HoldsAsync(() => metrics.GaugeOf("kafka-cache-records", 0) >= 10, Deadline, "the held partition's cache fills");
        var padding = new byte[300 * 1024];
        for (var i = 0; i < Big; i++)
        {
            await producer.ProduceAsync(partition, new Message<string, byte[]> { Key = "big", Value = TestEvents.Bytes("big", $"b-{i}"), Headers = new Headers { { "padding", padding } } });
        }

        var logStart = LogStart(test, partition);
        const long End = Held + Big;
        open();

        var delivered = (await test.Log.WaitUntilAsync(d => d.Any(x => x.EventId == $"b-{Big - 1}"), Deadline))
            .Select(d => d.Offset!.Value).Distinct().Order().ToList();
        var missing = Enumerable.Range(0, (int)End).Select(i => (long)i).Except(delivered).ToList();
        Assert.NotEmpty(missing);
        var lost = logStart - missing[0];
        Assert.Equal(Enumerable.Range((int)missing[0], (int)lost).Select(i => (long)i), missing);
        Assert.True(missing[0] >= 10, "the records cached before the gap were delivered");
        Assert.Equal(lost, metrics.Total("kafka-retention-gap-records"));
        Assert.Contains(test.Assignments.Entries, e => e.Message.Contains($"lost {lost} records to retention (while reading)", StringComparison.Ordinal));

        // A subscriber rewinding to offset 0, now below the log start, receives its stream from the log start on; the
        // records retention took are logged and counted, and the partition keeps flowing.
        var observer = new LoggingObserver("rewind-gap-" + test.Topic);
        var stream = test.Cluster.Client.GetStreamProvider(KafkaTestCluster.Provider).GetStream<UserInteraction>(StreamId.Create(test.Topic, "big"));
        await stream.SubscribeAsync(observer, new KafkaStreamSequenceToken(0));
        var rewound = await observer.Log.WaitUntilAsync(d => d.Any(x => x.Offset == End - 1), Deadline);

        Assert.Equal(Enumerable.Range((int)logStart, (int)(End - logStart)).Select(i => (long)i), rewound.Select(d => d.Offset!.Value));
        Assert.Equal(lost + logStart, metrics.Total("kafka-retention-gap-records"));
        Assert.Contains(test.Assignments.Entries, e => e.Message.Contains($"lost {logStart} records to retention (rewind)", StringComparison.Ordinal));
        await producer.ProduceAsync(partition, new Message<string, byte[]> { Key = "held", Value = TestEvents.Bytes("held", "after") });
        await test.Log.WaitUntilAsync(d => d.Any(x => x.EventId == "after"), Deadline);
    }

    private static long LogStart(KafkaTestCluster test, TopicPartition partition)
    {
        using var probe = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = test.Kafka.BootstrapServers, GroupId = "probe" }).Build();
        return probe.QueryWatermarkOffsets(partition, TimeSpan.FromSeconds(10)).Low.Value;
    }
}
