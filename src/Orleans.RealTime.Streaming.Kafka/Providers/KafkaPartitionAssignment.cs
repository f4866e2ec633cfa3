using Confluent.Kafka;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>A partition assigned to the silo's shared consumer, and where it starts.</summary>
/// <param name="Feed">The partition's feed, assigned at <paramref name="Start"/>.</param>
/// <param name="Start">The first offset it reads: the group's committed offset, or the log start when that is older or none.</param>
/// <param name="Committed">The group's committed offset, or -1 for none.</param>
internal sealed record KafkaPartitionAssignment(KafkaRecordFeed Feed, long Start, long Committed)
{
    /// <summary>
    /// Reads a feed holds before it pauses its partition. A pause drops what librdkafka prefetched for the partition,
    /// fetched again on resume, so a feed that paused at one read and resumed below it spent the backlog in pauses:
    /// 40–45k records/s in <c>bench-kafka</c> against 77–79k with four reads held and one left to resume.
    /// </summary>
    internal const int ReadsHeld = 4;

    /// <summary>
    /// Assigns <paramref name="partition"/> to the silo's shared consumer at the group's committed offset (blocking, up
    /// to <see cref="KafkaStreamOptions.RequestTimeout"/> per request); reports a committed offset below the log start.
    /// Its feed holds up to <see cref="ReadsHeld"/> reads of <paramref name="readSize"/> records and, once full, lets
    /// its partition fetch again only when one read's worth or less is left.
    /// </summary>
    /// <exception cref="KafkaException">The broker did not answer in time; nothing is left assigned.</exception>
    /// <exception cref="InvalidOperationException">The partition's previous receiver on this silo has not released it yet.</exception>
    public static KafkaPartitionAssignment Create(KafkaClients clients, TopicPartition partition, KafkaRetentionGap retentionGap, int readSize)
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

            var capacity = (int)Math.Min(int.MaxValue, (long)ReadsHeld * readSize);
            var feed = thread.Assign(partition, start, capacity, resumeAt: Math.Min(readSize, capacity - 1));
            return new KafkaPartitionAssignment(feed, start, committed.IsSpecial ? -1 : committed.Value);
        }
        catch
        {
            clients.SharedConsumer.Release(thread);
            throw;
        }
    }
}
