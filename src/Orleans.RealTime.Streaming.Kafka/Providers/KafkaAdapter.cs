using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>Writes events produced through Orleans to Kafka and creates one receiver per partition.</summary>
internal sealed class KafkaAdapter(
    string name,
    KafkaClients clients,
    KafkaStreamQueueMapper mapper,
    IKafkaDataAdapter dataAdapter,
    KafkaPartitionRegistry registry,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : IQueueAdapter
{
    public string Name => name;

    public bool IsRewindable => true;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        if (token is not null)
        {
            throw new ArgumentException("Kafka assigns offsets; events cannot be produced with a sequence token.", nameof(token));
        }

        // The partition is the one Kafka's default partitioner picks for the key, so external producers agree.
        var queue = mapper.GetQueueForStream(streamId);
        var (topic, partition) = KafkaStreamQueueMapper.ToTopicPartition(queue);
        var target = new TopicPartition(topic, new Partition(partition));
        var key = streamId.Key.ToArray();
        var producer = clients.Producer;
        var sends = new List<Task>();
        foreach (var evt in events)
        {
            var value = dataAdapter.Encode(streamId, evt!);
            sends.Add(producer.ProduceAsync(target, new Message<byte[], byte[]> { Key = key, Value = value }));
        }

        await Task.WhenAll(sends);
    }

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) =>
        new KafkaQueueAdapterReceiver(
            queueId,
            clients,
            dataAdapter,
            registry,
            new KafkaRetentionGap(registry.Get(queueId), loggerFactory.CreateLogger<KafkaRetentionGap>()),
            timeProvider,
            loggerFactory.CreateLogger<KafkaQueueAdapterReceiver>());
}
