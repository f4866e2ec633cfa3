namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>Where a delivered event came from in Kafka, with the record's headers.</summary>
/// <param name="Topic">The topic (the stream namespace).</param>
/// <param name="Partition">The partition (the Orleans queue).</param>
/// <param name="Offset">The record offset.</param>
/// <param name="Timestamp">The record timestamp.</param>
/// <param name="Headers">The record headers; when a key repeats, the last value wins.</param>
[GenerateSerializer, Immutable, Alias("orleans-realtime.kafka.record")]
public sealed record KafkaRecordMetadata(
    [property: Id(0)] string Topic,
    [property: Id(1)] int Partition,
    [property: Id(2)] long Offset,
    [property: Id(3)] DateTimeOffset Timestamp,
    [property: Id(4)] Dictionary<string, byte[]> Headers);
