namespace Orleans.RealTime.LoadGen.Benchmarks.Kafka;

/// <summary>How long one path took to deliver its records.</summary>
internal sealed record KafkaBenchmarkRun(long Records, TimeSpan Elapsed)
{
    public double Rate => Records / Elapsed.TotalSeconds;
}
