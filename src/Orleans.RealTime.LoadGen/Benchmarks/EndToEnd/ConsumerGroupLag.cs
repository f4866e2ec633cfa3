using Confluent.Kafka;

namespace Orleans.RealTime.LoadGen.Benchmarks.EndToEnd;

/// <summary>How far a consumer group's committed offsets trail the end of a topic (records), read without joining the group.</summary>
internal sealed class ConsumerGroupLag : IDisposable
{
    private readonly IConsumer<byte[], byte[]> _consumer;
    private readonly List<TopicPartition> _partitions;

    public ConsumerGroupLag(string bootstrap, string groupId, string topic, int partitions)
    {
        _consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = groupId, EnableAutoCommit = false }).Build();
        _partitions = [.. Enumerable.Range(0, partitions).Select(p => new TopicPartition(topic, new Partition(p)))];
    }

    /// <summary>The records written but not yet committed by the group, summed over the partitions.</summary>
    public long Records()
    {
        var committed = _consumer.Committed(_partitions, TimeSpan.FromSeconds(10));
        long lag = 0;
        foreach (var position in committed)
        {
            var high = _consumer.QueryWatermarkOffsets(position.TopicPartition, TimeSpan.FromSeconds(10)).High.Value;
            lag += high - Math.Max(0, position.Offset.IsSpecial ? 0 : position.Offset.Value);
        }

        return lag;
    }

    /// <summary>Polls every 100 ms until the group has committed everything written, or <paramref name="timeout"/> passed.</summary>
    public async Task WaitUntilCaughtUpAsync(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Records() > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, ct);
        }
    }

    public void Dispose() => _consumer.Dispose();
}
