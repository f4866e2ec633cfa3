using Confluent.Kafka;
using Orleans.Configuration;
using Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

namespace Orleans.RealTime.Streaming.Kafka.Tests;

public sealed class BackpressureTests
{
    private const int CacheSize = 20;
    private const int Partitions = 4;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task SmallCache_FastSubscriberReceivesEverything_CacheStaysBounded_CommitsReachTheEnd()
    {
        await using var test = await KafkaTestCluster.StartAsync(partitions: Partitions, configure: o => o.CacheSize = CacheSize);
        using var metrics = new MetricRecorder(test.Topic);
        using var producer = test.CreateExternalProducer();
        var sends = new List<Task>();
        for (var i = 0; i < 1_000; i++)
        {
            var key = $"user-{i % 50}";
            sends.Add(producer.ProduceAsync(test.Topic, new Message<string, byte[]> { Key = key, Value = TestEvents.Bytes(key, $"e-{i}") }));
        }

        await Task.WhenAll(sends);

        await test.Log.WaitUntilAsync(d => metrics.Gauge("kafka-cache-records") >= 0 && d.Select(x => x.EventId).Distinct().Count() == 1_000, Deadline);

        Assert.InRange(metrics.PeakPerPartition("kafka-cache-records"), 0, CacheSize);
        var high = test.HighWatermarks(Partitions);
        await Eventually.HoldsAsync(() => test.CommittedOffsets(Partitions).SequenceEqual(high), Deadline, "committed offsets reach the high watermarks");
        await Eventually.HoldsAsync(() => metrics.Gauge("kafka-cache-records") == 0, Deadline, "the caches empty");
        Assert.Equal(0, metrics.Gauge("kafka-partition-lag"));
        Assert.Equal(0, metrics.Gauge("kafka-cache-bytes"));
        Assert.Equal(1_000, metrics.Total("kafka-records-read"));
        Assert.True(metrics.Total("kafka-commits") >= Partitions);
    }

    [Fact]
    public async Task SlowSubscriber_FillsOnlyItsPartitionsBoundedCache_OtherPartitionsFlowAndCommit()
    {
        await using var test = await KafkaTestCluster.StartAsync(
            partitions: Partitions,
            configure: o => o.CacheSize = CacheSize,
            configureSilo: silo => silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(5)));
        using var metrics = new MetricRecorder(test.Topic);
        var open = DeliveryGate.Close(test.Topic, "slow");
        using var producer = test.CreateExternalProducer();
        const int SlowRecords = 10 * CacheSize;
        const int FastPerPartition = 100;
        var sends = new List<Task>();
        for (var i = 0; i < SlowRecords; i++)
        {
            sends.Add(producer.ProduceAsync(new TopicPartition(test.Topic, 0), new Message<string, byte[]> { Key = "slow", Value = TestEvents.Bytes("slow", $"slow-{i}") }));
        }

        for (var p = 1; p < Partitions; p++)
        {
            for (var i = 0; i < FastPerPartition; i++)
            {
                var key = $"fast-{p}-{i % 10}";
                sends.Add(producer.ProduceAsync(new TopicPartition(test.Topic, p), new Message<string, byte[]> { Key = key, Value = TestEvents.Bytes(key, $"{key}-{i}") }));
            }
        }

        await Task.WhenAll(sends);

        // The slow subscriber holds its first record: the other partitions deliver everything and commit to the end.
        await test.Log.WaitUntilAsync(d => d.Count(x => x.Key.StartsWith("fast-", StringComparison.Ordinal)) >= (Partitions - 1) * FastPerPartition, Deadline);
        var high = test.HighWatermarks(Partitions);
        await Eventually.HoldsAsync(() => test.CommittedOffsets(Partitions).Skip(1).SequenceEqual(high.Skip(1)), Deadline, "the fast partitions commit to their ends");

        // Its own partition stopped reading at a full, bounded cache, and committed nothing past the held record.
        await Eventually.HoldsAsync(() => metrics.GaugeOf("kafka-cache-records", 0) >= CacheSize * 9 / 10, Deadline, "the slow partition's cache fills");
        Assert.InRange(metrics.GaugeOf("kafka-cache-records", 0), 0, CacheSize);
        Assert.InRange(metrics.GaugeOf("kafka-partition-lag", 0), SlowRecords - 2 * CacheSize, SlowRecords);
        Assert.InRange(test.CommittedOffsets(Partitions)[0], -1, 0);
        Assert.DoesNotContain(test.Log.Snapshot(), d => d.Key == "slow");

        open();
        var deliveries = await test.Log.WaitUntilAsync(d => d.Count(x => x.Key == "slow") >= SlowRecords, Deadline);

        var slow = deliveries.Where(d => d.Key == "slow").Select(d => d.Offset!.Value).ToList();
        Assert.Equal(Enumerable.Range(0, SlowRecords).Select(i => (long)i), slow);
        Assert.InRange(metrics.PeakPerPartition("kafka-cache-records"), 0, CacheSize);
        await Eventually.HoldsAsync(() => test.CommittedOffsets(Partitions).SequenceEqual(high), Deadline, "every partition commits to its end");
    }
}
