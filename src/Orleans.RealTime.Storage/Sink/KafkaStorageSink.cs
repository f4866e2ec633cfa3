using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Orleans.RealTime.Contracts.Validation;

namespace Orleans.RealTime.Storage;

/// <summary>
/// Consumes the events topic in the sink's own consumer group and writes it to the hot tier: records are batched,
/// decoded and validated by <see cref="StorageSinkBatch"/>, each batch is written, and only then are its offsets
/// committed, so a crash re-delivers at most the unwritten batch and the store's deduplication absorbs the repeat.
/// The consumer must be created with <c>EnableAutoCommit = false</c> and the sink's group id.
/// </summary>
/// <param name="consumer">A consumer of raw record values.</param>
/// <param name="hot">The hot tier.</param>
/// <param name="options">Topic and batch limits.</param>
/// <param name="validator">The shared event validator.</param>
/// <param name="timeProvider">The clock for the batch delay.</param>
/// <param name="logger">The logger.</param>
public sealed partial class KafkaStorageSink(
    IConsumer<byte[]?, byte[]> consumer, ITierStore hot, StorageSinkOptions options, UserInteractionValidator validator, TimeProvider timeProvider, ILogger<KafkaStorageSink> logger)
{
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

    [LoggerMessage(20, LogLevel.Warning, "Skipped record {Topic}/{Partition}@{Offset}: {Problem}")]
    private static partial void LogRejected(ILogger logger, string topic, int partition, long offset, string problem);

    [LoggerMessage(21, LogLevel.Debug, "Wrote {Rows} rows to the hot tier and committed {Partitions} partitions")]
    private static partial void LogWritten(ILogger logger, int rows, int partitions);
}
