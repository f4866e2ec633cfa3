using Confluent.Kafka;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>A consumer assigned to one partition, and where it starts.</summary>
/// <param name="Consumer">The consumer, assigned at <paramref name="Start"/>.</param>
/// <param name="Start">The first offset it reads: the group's committed offset, or the log start when that is older or none.</param>
/// <param name="Committed">The group's committed offset, or -1 for none.</param>
internal sealed record KafkaPartitionAssignment(IConsumer<byte[], byte[]> Consumer, long Start, long Committed)
{
    /// <summary>
    /// Builds a consumer and assigns it to <paramref name="partition"/> at the group's committed offset (blocking, up
    /// to <see cref="KafkaStreamOptions.RequestTimeout"/> per request); reports a committed offset below the log start.
    /// </summary>
    /// <exception cref="KafkaException">The broker did not answer in time; nothing is left open.</exception>
    public static KafkaPartitionAssignment Create(KafkaClients clients, TopicPartition partition, KafkaRetentionGap retentionGap)
    {
        var timeout = clients.Options.RequestTimeout;
        var consumer = clients.CreateConsumer();
        try
        {
            var committed = consumer.Committed([partition], timeout).Single().Offset;
            var watermarks = consumer.QueryWatermarkOffsets(partition, timeout);
            var start = committed.IsSpecial ? watermarks.Low.Value : committed.Value;
            if (start < watermarks.Low.Value)
            {
                retentionGap.Report(start, watermarks.Low.Value, "at assignment");
                start = watermarks.Low.Value;
            }

            consumer.Assign(new TopicPartitionOffset(partition, new Offset(start)));
            return new KafkaPartitionAssignment(consumer, start, committed.IsSpecial ? -1 : committed.Value);
        }
        catch
        {
            consumer.Dispose();
            throw;
        }
    }
}
