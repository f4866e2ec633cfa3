using Confluent.Kafka;
using Orleans.RealTime.Contracts.Events;

namespace Orleans.RealTime.Gateway.Tests.Ingest;

/// <summary>Reads the events topic back with a plain consumer.</summary>
internal sealed class TopicReader(string bootstrap, string topic, int partitions) : IDisposable
{
    private readonly IConsumer<string, byte[]> _consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
    {
        BootstrapServers = bootstrap,
        GroupId = "ingest-test-reader",
        EnableAutoCommit = false,
    }).Build();

    /// <summary>The record at <paramref name="partition"/>/<paramref name="offset"/>: its key and event.</summary>
    public (string Key, UserInteraction Event) ReadAt(int partition, long offset)
    {
        _consumer.Assign(new TopicPartitionOffset(topic, partition, offset));
        var record = _consumer.Consume(TimeSpan.FromSeconds(30)) ?? throw new TimeoutException($"No record at {topic}/{partition}@{offset}.");
        Assert.Equal((partition, offset), (record.Partition.Value, record.Offset.Value));
        return (record.Message.Key, UserInteraction.Parser.ParseFrom(record.Message.Value));
    }

    /// <summary>Records in the topic: the sum of every partition's high watermark.</summary>
    public long Count() => Enumerable.Range(0, partitions)
        .Sum(p => _consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(30)).High.Value);

    public void Dispose() => _consumer.Dispose();
}
