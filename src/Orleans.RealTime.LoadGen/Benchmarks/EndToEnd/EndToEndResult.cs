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
    double P50Ms,
    double P99Ms,
    double MaxMs,
    long LatencySamples,
    long Clicks,
    long ModelHits,
    long TrendingHits,
    Clickstream.CountCheckResult Counts)
{
    public double HitRate => Clicks == 0 ? 0 : (double)ModelHits / Clicks;

    public double TrendingHitRate => Clicks == 0 ? 0 : (double)TrendingHits / Clicks;
}
