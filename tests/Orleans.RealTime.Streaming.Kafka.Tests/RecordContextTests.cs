using Confluent.Kafka;
using Orleans.RealTime.Streaming.Kafka.Providers;
using Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

namespace Orleans.RealTime.Streaming.Kafka.Tests;

/// <summary><see cref="KafkaStreamOptions.RecordContext"/>: whether a delivery carries its record's origin in the request context.</summary>
public sealed class RecordContextTests
{
    private static readonly ConsumeResult<byte[], byte[]> Record = new()
    {
        Topic = "t-context",
        Partition = new Partition(3),
        Offset = new Offset(42),
        Message = new Message<byte[], byte[]>
        {
            Key = "user-1"u8.ToArray(),
            Value = TestEvents.Bytes("user-1", "e-1"),
            Timestamp = new Timestamp(DateTime.UnixEpoch, TimestampType.CreateTime),
            Headers = new Headers { { "trace", "abc"u8.ToArray() } },
        },
    };

    [Fact]
    public void On_ADeliveryPutsTheRecordsOriginInTheRequestContext()
    {
        RequestContext.Clear();
        Assert.True(KafkaRecordDecoder.TryDecode(new UserInteractionDataAdapter(), Record, recordContext: true, out var batch, out _));

        Assert.True(batch.ImportRequestContext());

        var origin = KafkaRecordContext.Current;
        Assert.Equal(("t-context", 3, 42L), (origin?.Topic, origin?.Partition ?? -1, origin?.Offset ?? -1));
        Assert.Equal("abc"u8.ToArray(), origin!.Headers["trace"]);
        RequestContext.Clear();
    }

    [Fact]
    public void Off_ADeliveryLeavesTheRequestContextEmpty_AndTheBatchStillKnowsItsRecord()
    {
        RequestContext.Clear();
        Assert.True(KafkaRecordDecoder.TryDecode(new UserInteractionDataAdapter(), Record, recordContext: false, out var batch, out _));

        Assert.False(batch.ImportRequestContext());

        Assert.Null(KafkaRecordContext.Current);
        Assert.Equal(42, batch.Offset);
    }
}
