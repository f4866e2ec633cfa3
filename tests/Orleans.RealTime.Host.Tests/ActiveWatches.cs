using System.Diagnostics.Metrics;
using Orleans.RealTime.Gateway.Grpc;

namespace Orleans.RealTime.Host.Tests;

/// <summary>Follows the open-watches counter of one host's gateway (its meter factory is the meter's scope).</summary>
internal sealed class ActiveWatches : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public ActiveWatches(IMeterFactory hostMeters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GatewayInstruments.MeterName && ReferenceEquals(instrument.Meter.Scope, hostMeters)
                && instrument.Name == "realtime-gateway-watches-active")
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
