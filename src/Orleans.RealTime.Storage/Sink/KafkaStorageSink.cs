using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Orleans.RealTime.Contracts.Validation;

namespace Orleans.RealTime.Storage;

/// <summary>
/// Consumes the events topic in the sink's own consumer group and writes it to the hot tier: records are batched,
/// decoded and validated by <see cref="StorageSinkBatch"/>, each batch is written, and only then are its offsets
/// committed, so a crash re-delivers at most the unwritten batch and the store's deduplication absorbs the repeat.
/// The consumer must be created with <c>EnableAutoCommit = false</c> and the sink's group id. Records the broker's
/// retention removed before the sink read them (its position fell behind the log start, and the consumer jumped to the
/// start) are reported as an error with their count and counted in
/// <see cref="StorageInstruments.SinkRecordsLostName"/>: they are not in storage.
/// </summary>
/// <param name="consumer">A consumer of raw record values.</param>
/// <param name="hot">The hot tier.</param>
/// <param name="options">Topic and batch limits.</param>
/// <param name="validator">The shared event validator.</param>
/// <param name="timeProvider">The clock for the batch delay.</param>
/// <param name="instruments">Where records lost to retention are counted.</param>
/// <param name="logger">The logger.</param>
public sealed partial class KafkaStorageSink(
    IConsumer<byte[]?, byte[]> consumer,
    ITierStore hot,
    StorageSinkOptions options,
    UserInteractionValidator validator,
    TimeProvider timeProvider,
    StorageInstruments instruments,
    ILogger<KafkaStorageSink> logger)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    // The offset each partition's next record should have; a partition first seen starts at the group's commit.
    private readonly Dictionary<int, long> _next = [];

    /// <summary>
    /// Runs on the calling thread until <paramref name="cancellationToken"/> is cancelled; the last partial batch is
    /// written and committed before returning. It blocks the thread (in the consumer, and while a batch is written), so
    /// call it on a thread of its own, never on a thread-pool thread.
    /// </summary>
    public void Run(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var batch = new StorageSinkBatch(options, validator, timeProvider);
        consumer.Subscribe(options.Topic);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // Consume blocks the calling thread for at most the time left until the batch is due.
                var result = consumer.Consume(batch.UntilDue);
                if (result is { IsPartitionEOF: false, Message: not null })
                {
                    CheckContinuity(result.Partition.Value, result.Offset.Value);
                    batch.Add(options.Topic, result.Partition.Value, result.Offset.Value, result.Message.Value);
                }

                if (batch.IsDue)
                {
                    // Waited for here rather than awaited: a write finishing asynchronously would otherwise move the
                    // loop, and its blocking consume, onto a thread-pool thread.
                    FlushAsync(batch, cancellationToken).GetAwaiter().GetResult();
                }
            }
        }
        finally
        {
            FlushAsync(batch, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    private async Task FlushAsync(StorageSinkBatch batch, CancellationToken cancellationToken)
    {
        var flush = await batch.FlushAsync(hot, cancellationToken);
        foreach (var rejection in flush.Rejected)
        {
            LogRejected(logger, rejection.Topic, rejection.Partition, rejection.Offset, rejection.Problem);
        }

        if (flush.Positions.Count > 0)
        {
            consumer.Commit(flush.Positions.Select(p => new TopicPartitionOffset(p.Topic, new Partition(p.Partition), new Offset(p.NextOffset))));
            LogWritten(logger, flush.Rows, flush.Positions.Count);
        }
    }

    /// <summary>Reports the records before <paramref name="offset"/> that retention removed before the sink read them.</summary>
    private void CheckContinuity(int partition, long offset)
    {
        if (!_next.TryGetValue(partition, out var expected))
        {
            expected = Committed(partition);
        }

        if (expected >= 0 && offset > expected)
        {
            // Offsets also advance without loss (another member of the group read them while it held the partition;
            // transaction markers): only a log start past the expected offset, and past the group's commit, lost records.
            var partitionOf = new TopicPartition(options.Topic, new Partition(partition));
            expected = Math.Max(expected, Committed(partition));
            var logStart = consumer.QueryWatermarkOffsets(partitionOf, RequestTimeout).Low;
            if (!logStart.IsSpecial && logStart.Value > expected)
            {
                var lost = Math.Min(logStart.Value, offset) - expected;
                LogLost(logger, options.Topic, partition, lost, expected, logStart.Value);
                instruments.SinkRecordsLost(partition, lost);
            }
        }

        _next[partition] = offset + 1;
    }

    /// <summary>The group's committed offset of <paramref name="partition"/>, or -1 when it has none.</summary>
    private long Committed(int partition)
    {
        var committed = consumer.Committed([new TopicPartition(options.Topic, new Partition(partition))], RequestTimeout)[0].Offset;
        return committed.IsSpecial ? -1 : committed.Value;
    }

    [LoggerMessage(22, LogLevel.Error, "Storage sink lost {Lost} records of {Topic}[{Partition}] to Kafka's retention: its next offset was {Expected} but the log starts at {LogStart}. They are not in storage.")]
    private static partial void LogLost(ILogger logger, string topic, int partition, long lost, long expected, long logStart);

    [LoggerMessage(20, LogLevel.Warning, "Skipped record {Topic}/{Partition}@{Offset}: {Problem}")]
    private static partial void LogRejected(ILogger logger, string topic, int partition, long offset, string problem);

    [LoggerMessage(21, LogLevel.Debug, "Wrote {Rows} rows to the hot tier and committed {Partitions} partitions")]
    private static partial void LogWritten(ILogger logger, int rows, int partitions);
}
