using System.Diagnostics;
using Confluent.Kafka;
using Orleans.RealTime.Contracts.Events;

namespace Orleans.RealTime.LoadGen.Benchmarks.Kafka;

/// <summary>The baseline: one Confluent.Kafka consumer reading every partition and decoding each value.</summary>
internal static class RawConsumeLoop
{
    public static KafkaBenchmarkRun Run(string bootstrapServers, string topic, int records, TimeSpan deadline)
    {
        var config = new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = "bench-raw", EnableAutoCommit = false, AutoOffsetReset = AutoOffsetReset.Earliest };
        using var consumer = new ConsumerBuilder<byte[], byte[]>(config).Build();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions;
        var clock = Stopwatch.StartNew();
        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(topic, p.PartitionId, Offset.Beginning)));
        var decoded = 0;
        long checksum = 0;
        while (decoded < records && clock.Elapsed < deadline)
        {
            var record = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (record is null)
            {
                continue;
            }

            var interaction = UserInteraction.Parser.ParseFrom(record.Message.Value);
            checksum += interaction.Timestamp;
            decoded++;
        }

        clock.Stop();
        if (decoded < records || checksum == 0)
        {
            throw new InvalidOperationException($"The raw loop read {decoded} of {records} records before the deadline.");
        }

        return new KafkaBenchmarkRun(decoded, clock.Elapsed);
    }
}
