using System.Collections.Concurrent;
using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>The partition states and live receivers of one provider on this silo.</summary>
internal sealed class KafkaPartitionRegistry(string provider)
{
    private readonly ConcurrentDictionary<QueueId, KafkaPartitionState> _states = new();
    private readonly ConcurrentDictionary<QueueId, KafkaQueueAdapterReceiver> _receivers = new();

    public KafkaPartitionState Get(QueueId queueId) => _states.GetOrAdd(queueId, static (q, provider) =>
    {
        var (topic, partition) = KafkaStreamQueueMapper.ToTopicPartition(q);
        return new KafkaPartitionState(provider, topic, partition);
    }, provider);

    public void Attach(QueueId queueId, KafkaQueueAdapterReceiver receiver)
    {
        _receivers[queueId] = receiver;
        KafkaStreamInstruments.Instance.Register(Get(queueId));
    }

    public void Detach(QueueId queueId, KafkaQueueAdapterReceiver receiver)
    {
        if (_receivers.TryRemove(new KeyValuePair<QueueId, KafkaQueueAdapterReceiver>(queueId, receiver)))
        {
            KafkaStreamInstruments.Instance.Unregister(Get(queueId));
        }
    }

    public KafkaQueueAdapterReceiver? Receiver(QueueId queueId) => _receivers.GetValueOrDefault(queueId);
}
