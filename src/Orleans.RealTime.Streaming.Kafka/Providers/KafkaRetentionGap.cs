using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// Reports the records of one partition that a reader (the receiver, or a rewinding subscriber) could not read because
/// the log start had moved past them: a warning with the count, and <c>kafka-retention-gap-records</c>.
/// </summary>
internal sealed partial class KafkaRetentionGap(KafkaPartitionState state, ILogger<KafkaRetentionGap> logger)
{
    /// <summary>
    /// After a read jumped from <paramref name="expected"/> to <paramref name="received"/>, asks the broker whether
    /// the log start passed <paramref name="expected"/> (offsets also skip for compaction and transaction markers,
    /// which lose nothing) and reports what retention took.
    /// </summary>
    public void Check(IConsumer<byte[], byte[]> consumer, long expected, long received, TimeSpan timeout, string reader)
    {
        var low = consumer.QueryWatermarkOffsets(new TopicPartition(state.Topic, new Partition(state.Partition)), timeout).Low;
        if (!low.IsSpecial && low.Value > expected)
        {
            Report(expected, Math.Min(low.Value, received), reader);
        }
    }

    /// <summary>Reports the records from <paramref name="expected"/> up to <paramref name="logStart"/> as lost.</summary>
    public void Report(long expected, long logStart, string reader)
    {
        var lost = logStart - expected;
        LogRetentionGap(state.Topic, state.Partition, lost, reader, expected, logStart);
        KafkaStreamInstruments.Instance.RetentionGapRecords.Add(lost, KafkaStreamInstruments.Tags(state));
    }

    [LoggerMessage(3, LogLevel.Warning, "Kafka partition {Topic}[{Partition}] lost {Lost} records to retention ({Reader}): the next offset to read was {Expected} but the log starts at {LogStart}.")]
    private partial void LogRetentionGap(string topic, int partition, long lost, string reader, long expected, long logStart);
}
