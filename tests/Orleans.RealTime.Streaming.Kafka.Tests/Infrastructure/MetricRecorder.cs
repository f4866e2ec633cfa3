using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

/// <summary>Sums the provider's counter measurements for one topic.</summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();
    private readonly ConcurrentDictionary<string, long> _gauges = new();
    private readonly ConcurrentDictionary<(string Instrument, int Partition), long> _peaks = new();
    private readonly ConcurrentDictionary<(string Instrument, int Partition), long> _current = new();

    public MetricRecorder(string topic)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == KafkaStreamInstruments.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "topic" && Equals(tag.Value, topic))
                {
                    if (instrument is ObservableGauge<long>)
                    {
                        _gauges.AddOrUpdate(instrument.Name, value, (_, old) => old + value);
                        _peaks.AddOrUpdate((instrument.Name, PartitionOf(tags)), value, (_, old) => Math.Max(old, value));
                        _current[(instrument.Name, PartitionOf(tags))] = value;
                    }
                    else
                    {
                        _totals.AddOrUpdate(instrument.Name, value, (_, old) => old + value);
                    }
                }
            }
        });
        _listener.Start();
    }

    public long Total(string instrument) => _totals.GetValueOrDefault(instrument);

    /// <summary>Observes the gauges once and returns the sum over the topic's partitions.</summary>
    public long Gauge(string instrument)
    {
        _gauges.Clear();
        _listener.RecordObservableInstruments();
        return _gauges.GetValueOrDefault(instrument, -1);
    }

    /// <summary>The highest value any one partition's gauge showed in the observations so far (-1 if never observed).</summary>
    public long PeakPerPartition(string instrument) =>
        _peaks.Where(p => p.Key.Instrument == instrument).Select(p => p.Value).DefaultIfEmpty(-1).Max();

    /// <summary>Observes the gauges once and returns one partition's value (-1 if not reported).</summary>
    public long GaugeOf(string instrument, int partition)
    {
        _gauges.Clear();
        _current.Clear();
        _listener.RecordObservableInstruments();
        return _current.GetValueOrDefault((instrument, partition), -1);
    }

    private static int PartitionOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "partition" && tag.Value is int partition)
            {
                return partition;
            }
        }

        return -1;
    }

    public void Dispose() => _listener.Dispose();
}
