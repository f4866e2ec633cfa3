using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>The events decoded from one Kafka record, with the record's origin in the request context.</summary>
[GenerateSerializer, Alias("orleans-realtime.kafka.batch")]
internal sealed class KafkaBatchContainer(StreamId streamId, object[] events, Dictionary<string, object> requestContext, KafkaStreamSequenceToken token, int sizeBytes)
    : IBatchContainer
{
    [Id(0)]
    public StreamId StreamId { get; } = streamId;

    [Id(1)]
    public object[] Events { get; } = events;

    [Id(2)]
    public Dictionary<string, object> RequestContext { get; } = requestContext;

    [Id(3)]
    public KafkaStreamSequenceToken Token { get; } = token;

    /// <summary>The record's value size, for the cache's byte bound.</summary>
    [Id(4)]
    public int SizeBytes { get; } = sizeBytes;

    public StreamSequenceToken SequenceToken => Token;

    public long Offset => Token.Offset;

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() =>
        Events.OfType<T>().Select((e, i) => Tuple.Create(e, (StreamSequenceToken)new KafkaStreamSequenceToken(Token.Offset, i)));

    public bool ImportRequestContext()
    {
        RequestContextExtensions.Import(RequestContext);
        return true;
    }

    public override string ToString() => $"[KafkaBatchContainer: {StreamId} {Token}]";
}
