using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Orleans.RealTime.Sessions.Tests.Infrastructure;

/// <summary>Sums the session meter's counters by instrument and outcome tag.</summary>
public sealed class SessionMetrics : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();
    private readonly ConcurrentDictionary<(object? Scope, string Name), long> _byScope = new();

    public SessionMetrics()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SessionInstruments.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var name = instrument.Name;
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome")
                {
                    name += ":" + tag.Value;
                }
            }

            _totals.AddOrUpdate(name, value, (_, old) => old + value);
            _byScope.AddOrUpdate((instrument.Meter.Scope, name), value, (_, old) => old + value);
        });
        _listener.Start();
    }

    public long Total(string name) => _totals.GetValueOrDefault(name);

    /// <summary>Every total so far, by name.</summary>
    public IReadOnlyDictionary<string, long> Totals => new Dictionary<string, long>(_totals);

    /// <summary>The total of <paramref name="name"/> measured on meters created with <paramref name="scope"/> (a silo's meter factory).</summary>
    public long Total(object? scope, string name) => _byScope.GetValueOrDefault((scope, name));

    public void Dispose() => _listener.Dispose();
}
