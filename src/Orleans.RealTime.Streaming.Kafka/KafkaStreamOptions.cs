namespace Orleans.RealTime.Streaming.Kafka;

/// <summary>Settings of one Kafka stream provider. Bind them from configuration (see the README for the keys).</summary>
public sealed class KafkaStreamOptions
{
    /// <summary>Comma-separated <c>host:port</c> list of the Kafka cluster. Required.</summary>
    public string BootstrapServers { get; set; } = "";

    /// <summary>Topics the provider reads and writes; each topic is a stream namespace. At least one is required.</summary>
    public IList<string> Topics { get; set; } = [];

    /// <summary>Consumer group whose committed offsets say where each partition resumes. Required.</summary>
    public string ConsumerGroupId { get; set; } = "";

    /// <summary>Most records one receiver reads per poll; 1,000 by default.</summary>
    public int MaxBatchSize { get; set; } = 1_000;

    /// <summary>
    /// How long a read of an empty partition waits for a record before it returns empty; 100 ms by default. A record
    /// arriving during the wait is handed to Orleans at once (the silo's consumer thread hands it to the waiting read), so
    /// the pulling agent's timer period only matters after such an empty read. Zero returns at once.
    /// </summary>
    public TimeSpan ReadWait { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Whether each delivery puts its record's <see cref="Providers.KafkaRecordMetadata"/> in the request context, where
    /// a consumer reads it as <see cref="Providers.KafkaRecordContext.Current"/>; true by default. Orleans copies the
    /// request context with every delivery call (a dictionary built, copied and read back per call): turn it off when
    /// no consumer reads it.
    /// </summary>
    public bool RecordContext { get; set; } = true;

    /// <summary>How often delivered offsets are committed; 1 s by default. Offsets are also committed at shutdown.</summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long an offset waits, once every record below it left the cache, before it may be committed; 1 minute (the
    /// pulling agent's default <c>MaxEventDeliveryTime</c>) by default. Keep it at least <c>MaxEventDeliveryTime</c>
    /// when a delivery call can carry several records (<c>BatchContainerBatchSize</c> &gt; 1): after a handover,
    /// Orleans 10.4.2 can leave a call's earlier records unpinned while the call is still being delivered, and the delay
    /// keeps them uncommitted until the call has completed or been given up. 0 commits at once (safe with one record per
    /// call). Offsets are committed without delay at shutdown.
    /// </summary>
    public TimeSpan CommitDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most records held in one partition's cache; 16,384 by default.</summary>
    public int CacheSize { get; set; } = 16_384;

    /// <summary>Most value bytes held in one partition's cache; 64 MiB by default.</summary>
    public long CacheMaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Suffix of the dead-letter topic; <c>.dlq</c> by default, giving <c>&lt;topic&gt;.dlq</c>.</summary>
    public string DeadLetterSuffix { get; set; } = ".dlq";

    /// <summary>How long metadata, offset and watermark requests may take; 10 s by default.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a partition may make no progress (records cached but none delivered, or no read by the pulling agent)
    /// before a warning with its cache, cursor and read figures is logged; 30 s by default.
    /// </summary>
    public TimeSpan StallWarningInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Extra librdkafka settings for consumers (e.g. <c>security.protocol</c>).</summary>
    public IDictionary<string, string> ConsumerSettings { get; set; } = new Dictionary<string, string>();

    /// <summary>Extra librdkafka settings for producers.</summary>
    public IDictionary<string, string> ProducerSettings { get; set; } = new Dictionary<string, string>();
}
