using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// One cached record, linked to the next cached record of the same stream. Purging it lets go of its batch: an idle
/// cursor keeps its stream's last entry to follow its link, and with the batch it kept the decoded event until the
/// user's next event, so about half of all decoded events outlived a young-generation collection.
/// </summary>
internal sealed class KafkaCacheEntry(IBatchContainer batch)
{
    private IBatchContainer? _batch = batch;

    /// <summary>The record's batch while it is cached.</summary>
    public IBatchContainer Batch => _batch ?? throw new InvalidOperationException($"Record {Offset} of {StreamId} has left the cache.");

    public long Offset { get; } = batch.SequenceToken.SequenceNumber;

    public StreamId StreamId { get; } = batch.StreamId;

    public long SizeBytes { get; } = batch is KafkaBatchContainer kafka ? kafka.SizeBytes : 0;

    /// <summary>The stream's next record, once it has been added.</summary>
    public KafkaCacheEntry? NextInStream { get; set; }

    /// <summary>Whether the entry has left the cache (a cursor may still hold it to follow its link).</summary>
    public bool Purged => _batch is null;

    /// <summary>Whether Orleans gave up delivering it (the failure handler then releases its offset).</summary>
    public bool DeliveryFailed { get; set; }

    /// <summary>Marks the entry as left the cache and returns its batch, which it no longer holds.</summary>
    public IBatchContainer Purge()
    {
        var batch = Batch;
        _batch = null;
        return batch;
    }
}
