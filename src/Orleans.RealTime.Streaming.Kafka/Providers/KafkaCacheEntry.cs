using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>One cached record, linked to the next cached record of the same stream.</summary>
internal sealed class KafkaCacheEntry(IBatchContainer batch)
{
    public IBatchContainer Batch { get; } = batch;

    public long Offset { get; } = batch.SequenceToken.SequenceNumber;

    public StreamId StreamId => Batch.StreamId;

    public long SizeBytes => Batch is KafkaBatchContainer kafka ? kafka.SizeBytes : 0;

    /// <summary>The stream's next record, once it has been added.</summary>
    public KafkaCacheEntry? NextInStream { get; set; }

    /// <summary>Whether the entry has left the cache (a cursor may still hold it to follow its link).</summary>
    public bool Purged { get; set; }

    /// <summary>Whether Orleans gave up delivering it (the failure handler then releases its offset).</summary>
    public bool DeliveryFailed { get; set; }
}
