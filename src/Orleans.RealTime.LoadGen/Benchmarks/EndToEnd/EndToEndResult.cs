namespace Orleans.RealTime.LoadGen.Benchmarks.EndToEnd;

/// <summary>The figures of one end-to-end run.</summary>
internal sealed record EndToEndResult(
    string Persistence,
    long ThroughputRecords,
    SustainedResult Sustained,
    double MaxEventsPerSecond,
    double ProduceEventsPerSecond,
    double CpuMicrosPerEvent,
    double BytesPerEvent,
    double LatencyRate,
    double AchievedLatencyRate,
    GcPauses LatencyGc,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    long LatencySamples,
    long Clicks,
    long ModelHits,
    long TrendingHits,
    Clickstream.CountCheckResult Counts,
    long SinkRecordsLost)
{
    public double HitRate => Clicks == 0 ? 0 : (double)ModelHits / Clicks;

    public double TrendingHitRate => Clicks == 0 ? 0 : (double)TrendingHits / Clicks;
}

/// <summary>The blocking GCs of a phase: what a latency percentile above the pipeline's own time is made of.</summary>
/// <param name="Count">Collections of any generation.</param>
/// <param name="Total">Time the process was paused for them.</param>
/// <param name="Window">The phase's length.</param>
/// <param name="BytesPerEvent">Bytes allocated per event written in the phase.</param>
internal readonly record struct GcPauses(int Count, TimeSpan Total, TimeSpan Window, double BytesPerEvent)
{
    public double MeanMs => Count == 0 ? 0 : Total.TotalMilliseconds / Count;

    public double Share => Window <= TimeSpan.Zero ? 0 : Total / Window;

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"GC: {Count} pauses, mean {MeanMs:F1} ms, {Share:P1} of the time; {BytesPerEvent:F0} B allocated per event");
}
