using System.Text;
using Confluent.Kafka;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>Turns a consumed Kafka record into a batch container: key as stream key, value through the data adapter.</summary>
internal static class KafkaRecordDecoder
{
    /// <summary>
    /// Decodes <paramref name="record"/>; on failure says why in <paramref name="error"/>. The batch puts the record's
    /// metadata in the request context of its delivery when <paramref name="recordContext"/> is set.
    /// </summary>
    public static bool TryDecode(IKafkaDataAdapter dataAdapter, ConsumeResult<byte[], byte[]> record, bool recordContext, out KafkaBatchContainer batch, out string error)
    {
        batch = null!;
        error = "";
        var message = record.Message;
        if (message.Key is null || message.Key.Length == 0)
        {
            error = "The record has no key; the key is the stream key.";
            return false;
        }

        var headers = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var header in message.Headers ?? [])
        {
            headers[header.Key] = header.GetValueBytes();
        }

        var metadata = new KafkaRecordMetadata(record.Topic, record.Partition.Value, record.Offset.Value, message.Timestamp.UtcDateTime, headers);
        string key;
        object evt;
        try
        {
            key = Encoding.UTF8.GetString(message.Key);
            evt = dataAdapter.Decode(metadata, key, message.Value ?? []);
        }
        catch (Exception exception)
        {
            error = $"{exception.GetType().Name}: {exception.Message}";
            return false;
        }

        batch = new KafkaBatchContainer(StreamId.Create(record.Topic, key), [evt], metadata, new KafkaStreamSequenceToken(record.Offset.Value), message.Value?.Length ?? 0, recordContext);
        return true;
    }
}
