using System.Diagnostics.Metrics;
using Orleans.RealTime.Sessions;

namespace Orleans.RealTime.LoadGen.Benchmarks.EndToEnd;

/// <summary>Counts the records session grains handled (applied, redelivered, duplicate or late) in this process.</summary>
internal sealed class SessionEventMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _handled;

    public SessionEventMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SessionInstruments.MeterName && instrument.Name == "realtime-sessions-events")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _handled, value));
        _listener.Start();
    }

    public long Handled => Interlocked.Read(ref _handled);

    /// <summary>Waits until <paramref name="records"/> records were handled; returns false when <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitForAsync(long records, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Handled < records)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(5);
        }

        return true;
    }

    public void Dispose() => _listener.Dispose();
}
