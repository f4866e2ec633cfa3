using System.Diagnostics.Metrics;

namespace Orleans.RealTime.LoadGen.Benchmarks.EndToEnd;

/// <summary>Sums what one counter of this process reports from the moment it is created.</summary>
internal sealed class CounterSum : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _total;

    /// <summary>Starts summing <paramref name="instrumentName"/> of the meter <paramref name="meterName"/>.</summary>
    public CounterSum(string meterName, string instrumentName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && instrument.Name == instrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
        _listener.Start();
    }

    /// <summary>The sum so far.</summary>
    public long Total => Interlocked.Read(ref _total);

    public void Dispose() => _listener.Dispose();
}
