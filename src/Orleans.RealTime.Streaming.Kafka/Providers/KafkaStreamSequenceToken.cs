using System.Globalization;
using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// A position in a Kafka partition: the record offset, and the index of an event among those the record decoded to.
/// Streams map to exactly one partition, so offsets order a stream's events. Subscribe with one to rewind.
/// </summary>
[GenerateSerializer, Immutable, Alias("orleans-realtime.kafka.token")]
public sealed class KafkaStreamSequenceToken : StreamSequenceToken
{
    /// <summary>Creates the token of event <paramref name="eventIndex"/> of the record at <paramref name="offset"/>.</summary>
    public KafkaStreamSequenceToken(long offset, int eventIndex = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(eventIndex);
        SequenceNumber = offset;
        EventIndex = eventIndex;
    }

    /// <summary>The Kafka offset.</summary>
    public long Offset => SequenceNumber;

    /// <inheritdoc />
    [Id(0)]
    public override long SequenceNumber { get; protected set; }

    /// <inheritdoc />
    [Id(1)]
    public override int EventIndex { get; protected set; }

    /// <inheritdoc />
    public override bool Equals(StreamSequenceToken? other) =>
        other is not null && other.SequenceNumber == SequenceNumber && other.EventIndex == EventIndex;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StreamSequenceToken other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(SequenceNumber, EventIndex);

    /// <inheritdoc />
    public override int CompareTo(StreamSequenceToken? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byOffset = SequenceNumber.CompareTo(other.SequenceNumber);
        return byOffset != 0 ? byOffset : EventIndex.CompareTo(other.EventIndex);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[Kafka offset {SequenceNumber}, event {EventIndex}]");
}
