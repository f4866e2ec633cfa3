using System.Diagnostics.Metrics;
using Orleans.RealTime.Sessions.State;

namespace Orleans.RealTime.Sessions;

/// <summary>Metrics of user sessions on meter <see cref="MeterName"/>.</summary>
public sealed class SessionInstruments : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Orleans.RealTime.Sessions";

    private readonly Meter _meter;
    private readonly Counter<long> _events;
    private readonly Counter<long> _outOfOrder;
    private readonly Counter<long> _opened;
    private readonly Counter<long> _closed;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public SessionInstruments(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _events = _meter.CreateCounter<long>("realtime-sessions-events", description: "Events by outcome: applied, redelivered, duplicate, late.");
        _outOfOrder = _meter.CreateCounter<long>("realtime-sessions-events-out-of-order", description: "Applied events older than the session's latest event.");
        _opened = _meter.CreateCounter<long>("realtime-sessions-opened", description: "Sessions opened.");
        _closed = _meter.CreateCounter<long>("realtime-sessions-closed", description: "Sessions closed by the idle TTL.");
    }

    internal void Event(ApplyOutcome outcome) => _events.Add(1, new KeyValuePair<string, object?>("outcome", OutcomeName(outcome)));

    internal void OutOfOrder() => _outOfOrder.Add(1);

    internal void Opened() => _opened.Add(1);

    internal void Closed() => _closed.Add(1);

    internal static string OutcomeName(ApplyOutcome outcome) => outcome switch
    {
        ApplyOutcome.Applied => "applied",
        ApplyOutcome.Redelivered => "redelivered",
        ApplyOutcome.Duplicate => "duplicate",
        _ => "late",
    };

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
