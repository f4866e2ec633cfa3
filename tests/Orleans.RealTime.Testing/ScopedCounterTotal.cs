using System.Diagnostics.Metrics;

namespace Orleans.RealTime.Testing;

/// <summary>
/// Sums one long counter (e.g. an up-down "active" gauge) of the meters a single host created: the host's
/// <see cref="IMeterFactory"/> is the meter's scope, so other hosts in the same test process are not counted.
/// </summary>
public sealed class ScopedCounterTotal : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _total;

    /// <summary>Starts listening to <paramref name="instrumentName"/> on meter <paramref name="meterName"/> of <paramref name="hostMeters"/>.</summary>
    public ScopedCounterTotal(IMeterFactory hostMeters, string meterName, string instrumentName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && ReferenceEquals(instrument.Meter.Scope, hostMeters) && instrument.Name == instrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
        _listener.Start();
    }

    /// <summary>The sum of every measurement so far.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();
}
