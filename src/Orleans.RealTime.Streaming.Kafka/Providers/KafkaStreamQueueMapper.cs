using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// One Orleans queue per Kafka partition. A stream (namespace = topic, key = record key) maps to the partition Kafka's
/// default murmur2 partitioner picks for that key, so Orleans and external producers agree. Queues are spread evenly
/// over the consistent ring, so Orleans' default queue balancer can hand partitions to silos.
/// </summary>
public sealed class KafkaStreamQueueMapper : IConsistentRingStreamQueueMapper
{
    private const long RingSize = (long)uint.MaxValue + 1;
    private readonly Dictionary<string, int> _partitionCounts;
    private readonly Dictionary<string, QueueId[]> _queuesByTopic;
    private readonly QueueId[] _allQueues;

    /// <summary>Creates the mapper for topics and their partition counts, as read from the cluster's metadata.</summary>
    public KafkaStreamQueueMapper(IReadOnlyDictionary<string, int> partitionCounts)
    {
        ArgumentNullException.ThrowIfNull(partitionCounts);
        _partitionCounts = new(partitionCounts, StringComparer.Ordinal);
        var total = partitionCounts.Values.Sum();
        if (total < 1)
        {
            throw new ArgumentException("At least one topic partition is required.", nameof(partitionCounts));
        }

        var portion = (uint)(RingSize / total);
        var index = 0u;
        _queuesByTopic = new(StringComparer.Ordinal);
        foreach (var (topic, count) in partitionCounts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var queues = new QueueId[count];
            for (var partition = 0; partition < count; partition++, index++)
            {
                queues[partition] = QueueId.GetQueueId(topic, (uint)partition, portion * index);
            }

            _queuesByTopic[topic] = queues;
        }

        _allQueues = [.. _queuesByTopic.Values.SelectMany(q => q)];
    }

    /// <summary>The partition count of each topic.</summary>
    public IReadOnlyDictionary<string, int> PartitionCounts => _partitionCounts;

    /// <inheritdoc />
    public IEnumerable<QueueId> GetAllQueues() => _allQueues;

    /// <inheritdoc />
    public QueueId GetQueueForStream(StreamId streamId)
    {
        var topic = streamId.GetNamespace()
            ?? throw new ArgumentException($"Stream {streamId} has no namespace; the namespace must be a Kafka topic.", nameof(streamId));
        if (!_queuesByTopic.TryGetValue(topic, out var queues))
        {
            throw new ArgumentException($"Stream namespace '{topic}' is not one of the provider's topics ({string.Join(", ", _queuesByTopic.Keys)}).", nameof(streamId));
        }

        return queues[KafkaMurmur2.Partition(streamId.Key.Span, queues.Length)];
    }

    /// <inheritdoc />
    public IEnumerable<QueueId> GetQueuesForRange(IRingRange range) => _allQueues.Where(q => range.InRange(q.GetUniformHashCode()));

    /// <summary>The Kafka topic and partition of <paramref name="queueId"/>.</summary>
    public static (string Topic, int Partition) ToTopicPartition(QueueId queueId) =>
        (queueId.GetStringNamePrefix(), (int)queueId.GetNumericId());
}
