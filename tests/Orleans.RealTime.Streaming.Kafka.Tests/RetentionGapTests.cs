using Confluent.Kafka;
using Orleans.RealTime.Streaming.Kafka.Embedded;
using Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

namespace Orleans.RealTime.Streaming.Kafka.Tests;

public sealed class RetentionGapTests
{
    [Fact]
    public async Task CommittedOffsetBelowLogStart_ReportsLostRecordsInMetricAndLogAndResumesAtLogStart()
    {
        // The embedded broker keeps about 5 MiB per partition: 80 records of 100 KB push the log start forward.
        var kafka = EmbeddedKafka.Start();
        var topic = "t-gap-" + Guid.NewGuid().ToString("N")[..8];
        kafka.CreateTopic(topic, 1);
        var partition = new TopicPartition(topic, 0);
        using (var committer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = kafka.BootstrapServers, GroupId = "g-" + topic }).Build())
        {
            committer.Commit([new TopicPartitionOffset(partition, 0)]);
        }

        using (var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = kafka.BootstrapServers }).Build())
        {
            var padding = new byte[100 * 1024];
            for (var i = 0; i < 80; i++)
            {
                await producer.ProduceAsync(partition, new Message<string, byte[]>
                {
                    Key = "user-1",
                    Value = TestEvents.Bytes("user-1", $"e-{i}"),
                    Headers = new Headers { { "padding", padding } },
                });
            }
        }

        long logStart;
        using (var probe = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = kafka.BootstrapServers, GroupId = "probe" }).Build())
        {
            logStart = probe.QueryWatermarkOffsets(partition, TimeSpan.FromSeconds(10)).Low.Value;
        }

        Assert.True(logStart > 0, "the broker should have dropped the oldest records");
        using var metrics = new MetricRecorder(topic);

        await using var test = await KafkaTestCluster.StartExistingAsync(kafka, topic, "g-" + topic);
        var deliveries = await test.Log.WaitUntilAsync(d => d.Any(x => x.EventId == "e-79"), TimeSpan.FromSeconds(60));

        Assert.Equal(logStart, metrics.Total("kafka-retention-gap-records"));
        Assert.Equal($"e-{logStart}", deliveries[0].EventId);
        Assert.Equal(80 - logStart, deliveries.Count);
        Assert.Contains(test.Assignments.Entries, e => e.Message.Contains($"lost {logStart} records to retention", StringComparison.Ordinal));
    }
}
