using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

/// <summary>Sums the provider's counter measurements for one topic.</summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();
    private readonly ConcurrentDictionary<string, long> _gauges = new();

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

    public void Dispose() => _listener.Dispose();
}
