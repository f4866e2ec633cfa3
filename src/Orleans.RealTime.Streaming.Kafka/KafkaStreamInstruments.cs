using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Orleans.RealTime.Streaming.Kafka.Providers;

namespace Orleans.RealTime.Streaming.Kafka;

/// <summary>The Kafka stream provider's metrics, on the <see cref="MeterName"/> meter.</summary>
public sealed class KafkaStreamInstruments
{
    /// <summary>The meter name to subscribe to (OpenTelemetry <c>AddMeter</c>).</summary>
    public const string MeterName = "Orleans.RealTime.Kafka";

    private static readonly Meter Meter = new(MeterName);
    private readonly ConcurrentDictionary<KafkaPartitionState, byte> _partitions = new();

    private KafkaStreamInstruments()
    {
        RecordsRead = Meter.CreateCounter<long>("kafka-records-read", "{record}", "Records read from Kafka partitions.");
        Commits = Meter.CreateCounter<long>("kafka-commits", "{commit}", "Offset commits.");
        DeadLettered = Meter.CreateCounter<long>("kafka-dead-lettered-records", "{record}", "Records sent to the dead-letter topic.");
        RetentionGapRecords = Meter.CreateCounter<long>("kafka-retention-gap-records", "{record}", "Records lost because the log start moved past the next offset to read.");
        Meter.CreateObservableGauge("kafka-partition-lag", () => Observe(p => p.Lag), "{record}", "Records between the next offset to read and the partition's high watermark.");
        Meter.CreateObservableGauge("kafka-cache-records", () => Observe(p => p.CacheRecords), "{record}", "Records in a partition's cache.");
        Meter.CreateObservableGauge("kafka-cache-bytes", () => Observe(p => p.CacheBytes), "By", "Value bytes in a partition's cache.");
    }

    /// <summary>The process-wide instance.</summary>
    public static KafkaStreamInstruments Instance { get; } = new();

    internal Counter<long> RecordsRead { get; }

    internal Counter<long> Commits { get; }

    internal Counter<long> DeadLettered { get; }

    internal Counter<long> RetentionGapRecords { get; }

    internal void Register(KafkaPartitionState state) => _partitions.TryAdd(state, 0);

    internal void Unregister(KafkaPartitionState state) => _partitions.TryRemove(state, out _);

    internal static TagList Tags(KafkaPartitionState state) => new()
    {
        { "provider", state.Provider },
        { "topic", state.Topic },
        { "partition", state.Partition },
    };

    private IEnumerable<Measurement<long>> Observe(Func<KafkaPartitionState, long> value) =>
        _partitions.Keys.Select(p => new Measurement<long>(value(p), Tags(p)));
}
