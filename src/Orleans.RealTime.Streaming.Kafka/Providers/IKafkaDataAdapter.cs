
namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>Turns Kafka record values into stream events and back. Register one per provider to replace the default.</summary>
public interface IKafkaDataAdapter
{
    /// <summary>
    /// Decodes a record value into the event delivered to subscribers. Throw when the value cannot be decoded:
    /// the record then goes to the dead-letter topic with the exception message.
    /// </summary>
    object Decode(KafkaRecordMetadata record, string key, byte[] value);

    /// <summary>Encodes an event produced through Orleans into a record value.</summary>
    byte[] Encode(StreamId streamId, object evt);
}
