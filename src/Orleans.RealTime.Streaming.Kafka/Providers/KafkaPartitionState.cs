namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>Live figures of one partition on this silo, observed by the metrics.</summary>
internal sealed class KafkaPartitionState(string provider, string topic, int partition)
{
    private long _lag;
    private long _cacheRecords;
    private long _cacheBytes;

    public string Provider { get; } = provider;

    public string Topic { get; } = topic;

    public int Partition { get; } = partition;

    public long Lag
    {
        get => Volatile.Read(ref _lag);
        set => Volatile.Write(ref _lag, value);
    }

    public long CacheRecords
    {
        get => Volatile.Read(ref _cacheRecords);
        set => Volatile.Write(ref _cacheRecords, value);
    }

    public long CacheBytes => Volatile.Read(ref _cacheBytes);

    /// <summary>Progress figures for stall reports.</summary>
    public KafkaPartitionProgress Progress { get; } = new();

    public void SetCacheBytes(long bytes) => Volatile.Write(ref _cacheBytes, bytes);
}
