
namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// Gives a stream consumer the Kafka origin of the event it is handling. The provider puts it in the
/// <see cref="RequestContext"/> of each delivery, so read it inside <c>OnNextAsync</c>.
/// </summary>
public static class KafkaRecordContext
{
    /// <summary>The request-context key that carries <see cref="KafkaRecordMetadata"/>.</summary>
    public const string Key = "kafka.record";

    /// <summary>The metadata of the record being delivered, or <see langword="null"/> outside a Kafka delivery.</summary>
    public static KafkaRecordMetadata? Current => RequestContext.Get(Key) as KafkaRecordMetadata;
}
