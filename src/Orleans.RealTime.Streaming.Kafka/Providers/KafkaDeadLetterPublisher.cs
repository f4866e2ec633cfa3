using System.Globalization;
using System.Text;
using Confluent.Kafka;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>Writes poison records to <c>&lt;topic&gt;&lt;DeadLetterSuffix&gt;</c> with the error and origin in headers.</summary>
internal sealed class KafkaDeadLetterPublisher(KafkaClients clients, KafkaPartitionState state)
{
    public Task PublishAsync(long offset, byte[]? key, byte[]? value, Headers? originalHeaders, string error)
    {
        var headers = new Headers();
        foreach (var header in originalHeaders ?? [])
        {
            headers.Add(header.Key, header.GetValueBytes());
        }

        headers.Add(KafkaDeadLetterHeaders.Error, Encoding.UTF8.GetBytes(error));
        headers.Add(KafkaDeadLetterHeaders.Topic, Encoding.UTF8.GetBytes(state.Topic));
        headers.Add(KafkaDeadLetterHeaders.Partition, Encoding.UTF8.GetBytes(state.Partition.ToString(CultureInfo.InvariantCulture)));
        headers.Add(KafkaDeadLetterHeaders.Offset, Encoding.UTF8.GetBytes(offset.ToString(CultureInfo.InvariantCulture)));
        var message = new Message<byte[], byte[]> { Key = key!, Value = value!, Headers = headers };
        var deadLetterTopic = state.Topic + clients.Options.DeadLetterSuffix;
        return PublishCoreAsync(deadLetterTopic, message);
    }

    private async Task PublishCoreAsync(string topic, Message<byte[], byte[]> message)
    {
        await clients.Producer.ProduceAsync(topic, message).ConfigureAwait(false);
        KafkaStreamInstruments.Instance.DeadLettered.Add(1, KafkaStreamInstruments.Tags(state));
    }
}
