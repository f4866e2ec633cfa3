using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// The events decoded from one Kafka record, with the record's origin, which a delivery puts in the request context.
/// Never mutated, so Orleans passes it within a silo without copying. It keeps the origin itself rather than a
/// request-context dictionary: one object less per cached record, and no dictionary copy per delivery.
/// </summary>
[GenerateSerializer, Immutable, Alias("orleans-realtime.kafka.batch")]
internal sealed class KafkaBatchContainer(StreamId streamId, object[] events, KafkaRecordMetadata metadata, KafkaStreamSequenceToken token, int sizeBytes, bool recordContext = true)
    : IBatchContainer
{
    [Id(0)]
    public StreamId StreamId { get; } = streamId;

    [Id(1)]
    public object[] Events { get; } = events;

    [Id(2)]
    public KafkaRecordMetadata Metadata { get; } = metadata;

    [Id(3)]
    public KafkaStreamSequenceToken Token { get; } = token;

    /// <summary>The record's value size, for the cache's byte bound.</summary>
    [Id(4)]
    public int SizeBytes { get; } = sizeBytes;

    /// <summary>Whether a delivery puts <see cref="Metadata"/> in the request context (<see cref="KafkaStreamOptions.RecordContext"/>).</summary>
    [Id(5)]
    public bool RecordContext { get; } = recordContext;

    public StreamSequenceToken SequenceToken => Token;

    public long Offset => Token.Offset;

    /// <summary>
    /// The events of type <typeparamref name="T"/>, each with the token of its index among them. A record nearly always
    /// holds one event, so this builds the list directly (no iterators and closure per delivery) and hands out the
    /// container's own token for index 0.
    /// </summary>
    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>()
    {
        var matching = new List<Tuple<T, StreamSequenceToken>>(Events.Length);
        foreach (var evt in Events)
        {
            if (evt is T item)
            {
                var index = matching.Count;
                matching.Add(Tuple.Create(item, index == Token.EventIndex ? (StreamSequenceToken)Token : new KafkaStreamSequenceToken(Token.Offset, index)));
            }
        }

        return matching;
    }

    public bool ImportRequestContext()
    {
        if (!RecordContext)
        {
            return false;
        }

        RequestContext.Set(KafkaRecordContext.Key, Metadata);
        return true;
    }

    public override string ToString() => $"[KafkaBatchContainer: {StreamId} {Token}]";
}
