using System.Diagnostics.Metrics;
using Orleans.RealTime.Gateway.Ingest;

namespace Orleans.RealTime.Gateway.Tests.Ingest;

/// <summary>Follows the in-progress ingest calls of one server (its meter factory is the meter's scope).</summary>
internal sealed class ActiveIngestCalls : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public ActiveIngestCalls(IMeterFactory serverMeters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == IngestInstruments.MeterName && ReferenceEquals(instrument.Meter.Scope, serverMeters)
                && instrument.Name == "realtime-ingest-calls-active")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
