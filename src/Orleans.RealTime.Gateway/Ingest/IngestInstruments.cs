using System.Diagnostics.Metrics;

namespace Orleans.RealTime.Gateway.Ingest;

/// <summary>Metrics of <c>realtime.v1.IngestService</c> on meter <see cref="MeterName"/>.</summary>
public sealed class IngestInstruments : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Orleans.RealTime.Gateway.Ingest";

    private readonly Meter _meter;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _failed;
    private readonly UpDownCounter<long> _calls;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public IngestInstruments(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _accepted = _meter.CreateCounter<long>("realtime-ingest-events-accepted", description: "Events the broker acknowledged.");
        _rejected = _meter.CreateCounter<long>("realtime-ingest-events-rejected", description: "Events refused by validation (not written).");
        _failed = _meter.CreateCounter<long>("realtime-ingest-events-failed", description: "Events whose delivery to Kafka failed or timed out.");
        _calls = _meter.CreateUpDownCounter<long>("realtime-ingest-calls-active", description: "Publish and PublishStream calls in progress.");
    }

    internal void Accepted(long count = 1) => _accepted.Add(count);

    internal void Rejected(long count = 1) => _rejected.Add(count);

    internal void Failed(long count = 1) => _failed.Add(count);

    internal void CallStarted() => _calls.Add(1);

    internal void CallEnded() => _calls.Add(-1);

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
