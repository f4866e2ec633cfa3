namespace Orleans.RealTime.Storage;

/// <summary>Settings of the storage sink, bound from <c>Storage:Sink</c>.</summary>
public sealed class StorageSinkOptions
{
    /// <summary>
    /// The Kafka cluster the sink reads (<c>Storage:Sink:BootstrapServers</c>). The host fills it from
    /// <c>Kafka:BootstrapServers</c> or the embedded broker when it is not set.
    /// </summary>
    public string BootstrapServers { get; set; } = "";

    /// <summary>The events topic.</summary>
    public string Topic { get; set; } = "user-interactions";

    /// <summary>The sink's own consumer group, so it never slows the sessions' consumers.</summary>
    public string GroupId { get; set; } = "realtime-storage-sink";

    /// <summary>A batch is written once it holds this many records (most records are one row; a purchase is one per line).</summary>
    public int MaxBatchRows { get; set; } = 10_000;

    /// <summary>A non-empty batch is written once its first record is this old.</summary>
    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// On Linux, runs the sink's thread (and the Kafka client threads it starts) at nice 10, so when the cores are
    /// short the event pipeline gets them first and storage catches up after (Kafka holds what it has not written);
    /// true by default. Elsewhere it has no effect.
    /// </summary>
    public bool BackgroundPriority { get; set; } = true;
}
