using System.Diagnostics.Metrics;

namespace Orleans.RealTime.Gateway.Grpc;

/// <summary>Metrics of the gRPC front end on meter <see cref="MeterName"/>.</summary>
public sealed class GatewayInstruments : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Orleans.RealTime.Gateway";

    private readonly Meter _meter;
    private readonly UpDownCounter<long> _watches;
    private readonly Counter<long> _pushed;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public GatewayInstruments(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _watches = _meter.CreateUpDownCounter<long>("realtime-gateway-watches-active", description: "Open WatchRecommendations calls.");
        _pushed = _meter.CreateCounter<long>("realtime-gateway-recommendation-sets-pushed", description: "Recommendation sets written to watchers.");
    }

    internal void WatchStarted() => _watches.Add(1);

    internal void WatchEnded() => _watches.Add(-1);

    internal void SetPushed() => _pushed.Add(1);

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
