using System.Diagnostics.Metrics;

namespace Orleans.RealTime.Recommendations;

/// <summary>Metrics of the recommendation model on meter <see cref="MeterName"/>.</summary>
public sealed class RecommendationInstruments : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Orleans.RealTime.Recommendations";

    private readonly Meter _meter;
    private readonly Counter<long> _batches;
    private readonly Counter<long> _updates;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _computed;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public RecommendationInstruments(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _batches = _meter.CreateCounter<long>("realtime-recs-model-batches", description: "Model update batches applied.");
        _updates = _meter.CreateCounter<long>("realtime-recs-model-updates", description: "Interactions learned by the model.");
        _dropped = _meter.CreateCounter<long>("realtime-recs-model-updates-dropped", description: "Interactions dropped because the update queue was full.");
        _computed = _meter.CreateCounter<long>("realtime-recs-sets-computed", description: "Recommendation sets computed.");
    }

    internal void BatchApplied(int updates)
    {
        _batches.Add(1);
        _updates.Add(updates);
    }

    internal void UpdateDropped() => _dropped.Add(1);

    internal void SetComputed() => _computed.Add(1);

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
