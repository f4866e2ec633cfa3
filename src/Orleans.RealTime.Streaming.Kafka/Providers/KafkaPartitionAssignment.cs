using Confluent.Kafka;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>A partition assigned to the silo's shared consumer, and where it starts.</summary>
/// <param name="Feed">The partition's feed, assigned at <paramref name="Start"/>.</param>
/// <param name="Start">The first offset it reads: the group's committed offset, or the log start when that is older or none.</param>
/// <param name="Committed">The group's committed offset, or -1 for none.</param>
internal sealed record KafkaPartitionAssignment(KafkaRecordFeed Feed, long Start, long Committed)
{
    /// <summary>
    /// Assigns <paramref name="partition"/> to the silo's shared consumer at the group's committed offset (blocking, up
    /// to <see cref="KafkaStreamOptions.RequestTimeout"/> per request), its feed holding up to
    /// <paramref name="capacity"/> records; reports a committed offset below the log start.
    /// </summary>
    /// <exception cref="KafkaException">The broker did not answer in time; nothing is left assigned.</exception>
    /// <exception cref="InvalidOperationException">The partition's previous receiver on this silo has not released it yet.</exception>
    public static KafkaPartitionAssignment Create(KafkaClients clients, TopicPartition partition, KafkaRetentionGap retentionGap, int capacity)
    {
        var timeout = clients.Options.RequestTimeout;
        var thread = clients.SharedConsumer.Acquire();
        try
        {
            var consumer = thread.Consumer;
            var committed = consumer.Committed([partition], timeout).Single().Offset;
            var watermarks = consumer.QueryWatermarkOffsets(partition, timeout);
            var start = committed.IsSpecial ? watermarks.Low.Value : committed.Value;
            if (start < watermarks.Low.Value)
            {
                retentionGap.Report(start, watermarks.Low.Value, "at assignment");
                start = watermarks.Low.Value;
            }

            return new KafkaPartitionAssignment(thread.Assign(partition, start, capacity), start, committed.IsSpecial ? -1 : committed.Value);
        }
        catch
        {
            clients.SharedConsumer.Release(thread);
            throw;
        }
    }
}
